package io.citrate.ipfs.internal.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.BlockstoreStatistics;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.BlockWriter;
import io.citrate.store.api.WriteBatch;
import io.citrate.store.internal.XodusKeyValueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blockstore and its collector on the node's real store, checked through a reopened store. */
class XodusBlockstoreTest {
  @TempDir
  Path directory;

  @Test
  void blocksTotalsAndCollectionSurviveReopeningTheStore() {
    List<TestBlocks> leaves = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      leaves.add(TestBlocks.random(i, 256 * 1024));
    }
    TestBlocks file = TestBlocks.node("file", leaves.subList(0, 30).stream().map(TestBlocks::cid).toList());
    long keptBytes = file.bytes().length + 30L * 256 * 1024;

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      KeyValueBlockstore blockstore = new KeyValueBlockstore(store);
      try (BlockWriter writer = blockstore.writer()) {
        leaves.forEach(leaf -> writer.put(leaf.cid(), leaf.bytes()));
        writer.put(file.cid(), file.bytes());
      }
      assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(41, keptBytes + 10L * 256 * 1024));
    }

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      KeyValueBlockstore blockstore = new KeyValueBlockstore(store);
      assertThat(blockstore.statistics().blocks()).isEqualTo(41);
      GcResult result = new GarbageCollector(blockstore, () -> Set.of(file.cid())).collect();
      assertThat(result.blocksRemoved()).isEqualTo(10);
      assertThat(result.bytesRemoved()).isEqualTo(10L * 256 * 1024);
    }

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      KeyValueBlockstore blockstore = new KeyValueBlockstore(store);
      assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(31, keptBytes));
      assertThat(store.count(KeyValueBlockstore.BLOCKS)).isEqualTo(31);
      assertThat(blockstore.get(file.cid().toV1())).isEqualTo(file.bytes());
      leaves.subList(0, 30).forEach(leaf -> assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes()));
      leaves.subList(30, 40).forEach(leaf -> assertThat(blockstore.has(leaf.cid())).isFalse());
    }
  }

  @Test
  void aDamagedBlockOnDiskIsReportedNotReturned() {
    TestBlocks leaf = TestBlocks.raw("on disk");
    Cid cid = leaf.cid();
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      new KeyValueBlockstore(store).put(cid, leaf.bytes());
      store.commit(new WriteBatch().put(KeyValueBlockstore.BLOCKS, cid.multihash().bytes(), new byte[] {1, 2, 3}));
    }

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      KeyValueBlockstore blockstore = new KeyValueBlockstore(store);
      assertThatThrownBy(() -> blockstore.get(cid))
          .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK));
      assertThat(blockstore.corruptReads()).isEqualTo(1);
    }
  }
}
