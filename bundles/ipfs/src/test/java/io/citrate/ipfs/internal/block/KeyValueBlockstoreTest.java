package io.citrate.ipfs.internal.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.BlockstoreStatistics;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.BlockWriter;
import io.citrate.store.api.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValueBlockstoreTest {
  private final FillingDiskStore store = new FillingDiskStore();
  private final KeyValueBlockstore blockstore = new KeyValueBlockstore(store);

  @Test
  void storesAndReturnsVerifiedBlocks() {
    TestBlocks leaf = TestBlocks.raw("hello");
    TestBlocks node = TestBlocks.node("root", leaf);

    leaf.putInto(blockstore);
    node.putInto(blockstore);

    assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes());
    assertThat(blockstore.find(node.cid())).hasValueSatisfying(block -> assertThat(block).isEqualTo(node.bytes()));
    assertThat(blockstore.has(leaf.cid())).isTrue();
    assertThat(blockstore.statistics())
        .isEqualTo(new BlockstoreStatistics(2, leaf.bytes().length + node.bytes().length));
  }

  @Test
  void keysBlocksByMultihashSoBothCidVersionsShareOneEntry() {
    TestBlocks node = TestBlocks.node("directory");
    Cid v1 = node.cid().toV1();

    blockstore.put(node.cid(), node.bytes());
    blockstore.put(v1, node.bytes());

    assertThat(blockstore.get(v1)).isEqualTo(node.bytes());
    assertThat(store.count(KeyValueBlockstore.BLOCKS)).isEqualTo(1);
    assertThat(store.get(KeyValueBlockstore.BLOCKS, node.cid().multihash().bytes())).isPresent();
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, node.bytes().length));
  }

  @Test
  void putOfAStoredBlockNeitherRewritesNorCountsTwice() {
    TestBlocks leaf = TestBlocks.raw("once");
    leaf.putInto(blockstore);
    int commits = store.commits();

    leaf.putInto(blockstore);

    assertThat(store.commits()).isEqualTo(commits);
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, leaf.bytes().length));
  }

  @Test
  void missingBlockIsNotFound() {
    TestBlocks absent = TestBlocks.raw("absent");

    assertThatThrownBy(() -> blockstore.get(absent.cid()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessageContaining(absent.cid().toString());
    assertThat(blockstore.find(absent.cid())).isEmpty();
    assertThat(blockstore.has(absent.cid())).isFalse();
  }

  @Test
  void damagedStoredBlockIsReportedAndCountedNeverReturned() {
    TestBlocks leaf = TestBlocks.raw("intact");
    leaf.putInto(blockstore);
    store.commit(new WriteBatch().put(KeyValueBlockstore.BLOCKS, leaf.cid().multihash().bytes(), utf8("intakt")));

    assertThatThrownBy(() -> blockstore.get(leaf.cid()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK))
        .hasMessageContaining(leaf.cid().toString());
    assertThatThrownBy(() -> blockstore.find(leaf.cid()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK));
    assertThat(blockstore.corruptReads()).isEqualTo(2);
  }

  @Test
  void putRepairsADamagedStoredBlockAndKeepsTheTotalsExact() {
    TestBlocks leaf = TestBlocks.raw("the original bytes");
    leaf.putInto(blockstore);
    store.commit(new WriteBatch().put(KeyValueBlockstore.BLOCKS, leaf.cid().multihash().bytes(), utf8("short")));

    leaf.putInto(blockstore);

    assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes());
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, leaf.bytes().length));
  }

  @Test
  void putRefusesBytesThatDoNotMatchTheCid() {
    TestBlocks leaf = TestBlocks.raw("genuine");

    assertThatThrownBy(() -> blockstore.put(leaf.cid(), utf8("forged")))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK))
        .hasMessageContaining(leaf.cid().toString());

    assertThat(blockstore.has(leaf.cid())).isFalse();
    assertThat(store.commits()).isZero();
    assertThat(blockstore.rejectedBlocks()).isEqualTo(1);
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(0, 0));
  }

  @Test
  void blocksOverTheLimitAreRefusedByPutAndWriter() {
    TestBlocks largest = TestBlocks.random(1, KeyValueBlockstore.MAX_BLOCK_SIZE);
    TestBlocks tooLarge = TestBlocks.random(2, KeyValueBlockstore.MAX_BLOCK_SIZE + 1);

    largest.putInto(blockstore);
    assertThatThrownBy(() -> tooLarge.putInto(blockstore))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    try (BlockWriter writer = blockstore.writer()) {
      assertThatThrownBy(() -> writer.put(tooLarge.cid(), tooLarge.bytes()))
          .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    }

    assertThat(blockstore.has(largest.cid())).isTrue();
    assertThat(blockstore.has(tooLarge.cid())).isFalse();
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, KeyValueBlockstore.MAX_BLOCK_SIZE));
  }

  @Test
  void identityCidsAreAnsweredFromTheIdAndNeverStored() {
    byte[] inline = utf8("tiny");
    Cid identity = Cid.v1(Cid.RAW, Multihash.identity(inline));

    blockstore.put(identity, inline);
    try (BlockWriter writer = blockstore.writer()) {
      writer.put(identity, inline);
    }

    assertThat(blockstore.get(identity)).isEqualTo(inline);
    assertThat(blockstore.has(identity)).isTrue();
    assertThat(store.count(KeyValueBlockstore.BLOCKS)).isZero();
    assertThatThrownBy(() -> blockstore.put(identity, utf8("other")))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK));
  }

  @Test
  void totalsSurviveReopening() {
    TestBlocks.raw("one").putInto(blockstore);
    TestBlocks.raw("two").putInto(blockstore);

    KeyValueBlockstore reopened = new KeyValueBlockstore(store);

    assertThat(reopened.statistics()).isEqualTo(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(2, 6));
  }

  @Test
  void damagedTotalsEntryIsAStorageError() {
    store.commit(new WriteBatch().put(KeyValueBlockstore.TOTALS, KeyValueBlockstore.TOTALS_KEY, new byte[3]));

    assertThatThrownBy(() -> new KeyValueBlockstore(store))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE))
        .hasMessageContaining("totals");
  }

  @Test
  void fullDiskFailsPutWithStorageAndStoresNothing() {
    TestBlocks before = TestBlocks.raw("before");
    before.putInto(blockstore);
    store.fillDisk();
    TestBlocks leaf = TestBlocks.raw("no room");

    assertThatThrownBy(() -> leaf.putInto(blockstore))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE))
        .hasMessageContaining(leaf.cid().toString())
        .hasMessageContaining("No space left on device");

    assertThat(blockstore.has(leaf.cid())).isFalse();
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, before.bytes().length));
    store.freeDisk();
    leaf.putInto(blockstore);
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(2, 13));
    assertThat(new KeyValueBlockstore(store).statistics()).isEqualTo(blockstore.statistics());
  }

  @Test
  void failingReadsAreStorageErrors() {
    TestBlocks leaf = TestBlocks.raw("unreadable");
    leaf.putInto(blockstore);
    store.failReads(true);

    assertThatThrownBy(() -> blockstore.get(leaf.cid()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE))
        .hasMessageContaining(leaf.cid().toString());
    assertThatThrownBy(() -> blockstore.has(leaf.cid()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE));
  }

  @Test
  void writerCommitsInBatchesByBlockCount() {
    List<TestBlocks> leaves = new ArrayList<>();
    for (int i = 0; i < BlockWriter.BATCH_BLOCKS + 10; i++) {
      leaves.add(TestBlocks.raw("leaf " + i));
    }

    try (BlockWriter writer = blockstore.writer()) {
      leaves.forEach(leaf -> writer.put(leaf.cid(), leaf.bytes()));
      assertThat(store.commits()).isEqualTo(1);
      assertThat(blockstore.has(leaves.get(BlockWriter.BATCH_BLOCKS - 1).cid())).isTrue();
      assertThat(blockstore.has(leaves.get(BlockWriter.BATCH_BLOCKS).cid())).isFalse();
    }

    assertThat(store.commits()).isEqualTo(2);
    assertThat(leaves).allSatisfy(leaf -> assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes()));
    assertThat(blockstore.statistics().blocks()).isEqualTo(leaves.size());
  }

  @Test
  void writerCommitsInBatchesByBytes() {
    int chunk = 256 * 1024;
    int perBatch = BlockWriter.BATCH_BYTES / chunk;

    try (BlockWriter writer = blockstore.writer()) {
      for (int i = 0; i < perBatch + 1; i++) {
        TestBlocks leaf = TestBlocks.random(i, chunk);
        writer.put(leaf.cid(), leaf.bytes());
      }
      assertThat(store.commits()).isEqualTo(1);
      writer.flush();
      assertThat(store.commits()).isEqualTo(2);
    }

    assertThat(store.commits()).isEqualTo(2);
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(perBatch + 1, (perBatch + 1L) * chunk));
  }

  @Test
  void writerSkipsBlocksAlreadyStoredAndRepeatsWithinTheImport() {
    TestBlocks stored = TestBlocks.raw("already here");
    stored.putInto(blockstore);
    TestBlocks zeros = TestBlocks.raw(new byte[1024]);
    int commits = store.commits();

    try (BlockWriter writer = blockstore.writer()) {
      writer.put(stored.cid(), stored.bytes());
      writer.flush();
      assertThat(store.commits()).isEqualTo(commits);
      writer.put(zeros.cid(), zeros.bytes());
      writer.put(zeros.cid(), zeros.bytes());
      writer.put(zeros.cid().toV1(), zeros.bytes());
      writer.put(stored.cid(), stored.bytes());
      writer.flush();
      assertThat(writer.blocksStored()).isEqualTo(1);
    }

    assertThat(blockstore.statistics())
        .isEqualTo(new BlockstoreStatistics(2, stored.bytes().length + zeros.bytes().length));
  }

  @Test
  void failedWriterCommitStoresNoneOfItsBatchAndRefusesMore() {
    TestBlocks first = TestBlocks.raw("committed");
    TestBlocks lost = TestBlocks.raw("lost");
    TestBlocks alsoLost = TestBlocks.raw("also lost");
    BlockWriter writer = blockstore.writer();
    writer.put(first.cid(), first.bytes());
    writer.flush();
    store.fillDisk();

    writer.put(lost.cid(), lost.bytes());
    writer.put(alsoLost.cid(), alsoLost.bytes());
    assertThatThrownBy(writer::flush)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE))
        .hasMessageContaining("nothing of it was written");

    assertThat(blockstore.has(lost.cid())).isFalse();
    assertThat(blockstore.has(alsoLost.cid())).isFalse();
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(1, first.bytes().length));
    store.freeDisk();
    assertThatThrownBy(() -> writer.put(lost.cid(), lost.bytes()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE))
        .hasMessageContaining("earlier commit");
    assertThatCode(writer::close).doesNotThrowAnyException();
    assertThat(blockstore.has(lost.cid())).isFalse();
  }

  @Test
  void writerCloseFlushes() {
    TestBlocks leaf = TestBlocks.raw("flushed on close");
    try (BlockWriter writer = blockstore.writer()) {
      writer.put(leaf.cid(), leaf.bytes());
      assertThat(blockstore.has(leaf.cid())).isFalse();
    }
    assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
