package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FileImporterTest {
  @Test
  void emptyContentIsKubosEmptyFile() throws IOException {
    MapSink sink = new MapSink();
    ImportResult v0 = new FileImporter(ImportOptions.KUBO_DEFAULT, sink).importFile(InputStream.nullInputStream());
    assertThat(v0).isEqualTo(new ImportResult(Cid.parse("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"), 0, 6, 1));
    assertThat(sink.blocks.get(v0.root())).containsExactly(0x0a, 0x04, 0x08, 0x02, 0x18, 0x00);

    ImportResult v1 = new FileImporter(ImportOptions.KUBO_CID_V1, sink).importFile(InputStream.nullInputStream());
    assertThat(v1).isEqualTo(
        new ImportResult(Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"), 0, 0, 1));
    assertThat(sink.flushes).isEqualTo(2);
  }

  @Test
  void aSingleChunkIsItsOwnLeaf() throws IOException {
    byte[] content = bytes(8, 7);
    MapSink sink = new MapSink();
    ImportOptions options = new ImportOptions(0, false, 8, 3, 1000);
    ImportResult result = new FileImporter(options, sink).importFile(new ByteArrayInputStream(content));
    assertThat(sink.blocks).hasSize(1);
    UnixFsData data = UnixFsData.decode(PbNode.decode(sink.blocks.get(result.root())).data());
    assertThat(data.data()).isEqualTo(content);
    assertThat(data.fileSize()).isEqualTo(8);
    assertThat(result.dagBytes()).isEqualTo(sink.blocks.get(result.root()).length);

    ImportResult raw = new FileImporter(new ImportOptions(1, true, 8, 3, 1000), BlockSink.DISCARD)
        .importFile(new ByteArrayInputStream(content));
    assertThat(raw.root()).isEqualTo(Cid.of(1, Cid.RAW, content));
    assertThat(raw.dagBytes()).isEqualTo(8);
  }

  @Test
  void nodesHoldAtMostMaxLinksAndEveryNodeButTheLastOnALevelIsFull() throws IOException {
    // 3 links per node, 10 chunks: leaves 3+3+3+1, then 3+1 parents, then the root with 2
    ImportOptions options = new ImportOptions(0, false, 4, 3, 1000);
    MapSink sink = new MapSink();
    byte[] content = bytes(40, 3);
    ImportResult result = new FileImporter(options, sink).importFile(new ByteArrayInputStream(content));
    PbNode root = PbNode.decode(sink.blocks.get(result.root()));
    assertThat(root.links()).hasSize(2);
    PbNode full = PbNode.decode(sink.blocks.get(root.links().get(0).cid()));
    PbNode rest = PbNode.decode(sink.blocks.get(root.links().get(1).cid()));
    assertThat(full.links()).hasSize(3);
    assertThat(rest.links()).hasSize(1);
    assertThat(PbNode.decode(sink.blocks.get(rest.links().get(0).cid())).links()).hasSize(1);
    UnixFsData rootData = UnixFsData.decode(root.data());
    assertThat(rootData.fileSize()).isEqualTo(40);
    assertThat(rootData.blockSizes()).containsExactly(36, 4);
    assertThat(rootData.data()).isNull();
    assertThat(root.links()).extracting(PbLink::name).containsOnly("");
    assertThat(read(result.root(), sink)).isEqualTo(content);
    assertThat(result.blocks()).isEqualTo(sink.puts);
    assertThat(result.dagBytes()).isEqualTo(sink.totalBytes);
  }

  @Property(tries = 150)
  void matchesALevelByLevelReferenceBuild(@ForAll @IntRange(max = 120) int size,
      @ForAll @IntRange(min = 1, max = 9) int chunkSize, @ForAll @IntRange(min = 2, max = 5) int maxLinks,
      @ForAll @IntRange(max = 2) int variant) throws IOException {
    ImportOptions options = new ImportOptions(variant == 0 ? 0 : 1, variant == 2, chunkSize, maxLinks, 1000);
    byte[] content = bytes(size, size * 31 + chunkSize);
    MapSink sink = new MapSink();
    ImportResult result = new FileImporter(options, sink).importFile(new ByteArrayInputStream(content));
    ReferenceNode expected = ReferenceBuild.of(content, options);
    assertThat(result.root()).isEqualTo(expected.cid());
    assertThat(result.dagBytes()).isEqualTo(expected.cumulativeSize());
    assertThat(result.contentBytes()).isEqualTo(size);
    assertThat(read(result.root(), sink)).isEqualTo(content);
  }

  @Test
  void chunksHashedOnWorkerThreadsGiveTheSameDagAsInline() throws IOException {
    int chunkSize = LeafHasher.MIN_PARALLEL_CHUNK;
    for (ImportOptions options : List.of(new ImportOptions(0, false, chunkSize, 4, 1000),
        new ImportOptions(1, true, chunkSize, 4, 1000))) {
      byte[] content = bytes(37 * chunkSize + 11, 5);
      MapSink sink = new MapSink();
      ImportResult result = new FileImporter(options, sink).importFile(new ByteArrayInputStream(content));
      assertThat(result.root()).isEqualTo(ReferenceBuild.of(content, options).cid());
      assertThat(read(result.root(), sink)).isEqualTo(content);
    }
  }

  @Test
  void shortReadsMakeNoDifference() throws IOException {
    ImportOptions options = new ImportOptions(0, false, 5, 3, 1000);
    byte[] content = bytes(47, 9);
    ByteArrayInputStream source = new ByteArrayInputStream(content);
    InputStream trickle = new InputStream() {
      @Override
      public int read(byte[] target, int offset, int length) {
        return source.read(target, offset, Math.min(length, 2));
      }

      @Override
      public int read() {
        return source.read();
      }
    };
    assertThat(new FileImporter(options, BlockSink.DISCARD).importFile(trickle).root())
        .isEqualTo(ReferenceBuild.of(content, options).cid());
  }

  @Test
  void blocksReachTheSinkWhileTheContentIsStillBeingRead() throws IOException {
    int chunkSize = LeafHasher.MIN_PARALLEL_CHUNK;
    long size = 64L * chunkSize;
    MapSink sink = new MapSink();
    List<Long> blocksSeenMidway = new ArrayList<>();
    InputStream content = new InputStream() {
      private long position;

      @Override
      public int read(byte[] target, int offset, int length) {
        if (position == size) {
          return -1;
        }
        if (position == size / 2) {
          blocksSeenMidway.add(sink.puts);
        }
        int count = (int) Math.min(length, size - position);
        Arrays.fill(target, offset, offset + count, (byte) (position / chunkSize));
        position += count;
        return count;
      }

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }
    };
    new FileImporter(new ImportOptions(1, true, chunkSize, 174, 1000), sink).importFile(content);
    // at most a small window of chunks is held for hashing; the rest is already handed on
    assertThat(blocksSeenMidway).singleElement().satisfies(seen -> assertThat(seen).isGreaterThan(16));
  }

  @Test
  void aFailingStreamFailsTheImportAndTheWorkersStop() {
    int chunkSize = LeafHasher.MIN_PARALLEL_CHUNK;
    InputStream failing = new InputStream() {
      private int reads;

      @Override
      public int read(byte[] target, int offset, int length) throws IOException {
        if (++reads > 20) {
          throw new IOException("disk went away");
        }
        return length;
      }

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }
    };
    MapSink sink = new MapSink();
    assertThatThrownBy(() -> new FileImporter(new ImportOptions(1, true, chunkSize, 174, 1000), sink)
        .importFile(failing)).isInstanceOf(IOException.class).hasMessage("disk went away");
    assertThat(sink.flushes).isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.getName().startsWith("ipfs-import-hash-")));
  }

  @Test
  void aSinkThatFailsStopsTheImportWithItsError() {
    BlockSink fullDisk = new BlockSink() {
      private int puts;

      @Override
      public void put(Cid cid, byte[] block) {
        if (++puts == 5) {
          throw new IpfsException(Kind.STORAGE, "disk full");
        }
      }

      @Override
      public void flush() {
        throw new AssertionError("a failed import must not flush");
      }
    };
    byte[] content = bytes(40 * LeafHasher.MIN_PARALLEL_CHUNK, 2);
    assertThatThrownBy(() -> new FileImporter(new ImportOptions(1, true, LeafHasher.MIN_PARALLEL_CHUNK, 174, 1000),
        fullDisk).importFile(new ByteArrayInputStream(content)))
        .isInstanceOf(IpfsException.class).hasMessage("disk full").extracting("kind").isEqualTo(Kind.STORAGE);
  }

  @Test
  void anInterruptedImportStopsAndKeepsTheInterrupt() {
    byte[] content = bytes(40 * LeafHasher.MIN_PARALLEL_CHUNK, 3);
    FileImporter importer = new FileImporter(new ImportOptions(1, true, LeafHasher.MIN_PARALLEL_CHUNK, 174, 1000),
        BlockSink.DISCARD);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> importer.importFile(new ByteArrayInputStream(content)))
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void everyBlockHashesToItsId() throws IOException {
    for (ImportOptions options : List.of(ImportOptions.KUBO_DEFAULT, ImportOptions.KUBO_CID_V1)) {
      MapSink sink = new MapSink();
      new FileImporter(options, sink).importFile(new ByteArrayInputStream(bytes(3 * 262_144 + 5, 1)));
      assertThat(sink.blocks).hasSize(5);
      sink.blocks.forEach((cid, block) -> assertThat(cid.matches(block)).isTrue());
    }
  }

  /** Reads a file back from its blocks, checking each node's sizes on the way. */
  static byte[] read(Cid root, MapSink sink) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    readInto(root, sink, out);
    return out.toByteArray();
  }

  private static long readInto(Cid cid, MapSink sink, ByteArrayOutputStream out) {
    byte[] block = sink.blocks.get(cid);
    assertThat(block).as("block %s", cid).isNotNull();
    if (cid.codec() == Cid.RAW) {
      out.writeBytes(block);
      return block.length;
    }
    PbNode node = PbNode.decode(block);
    UnixFsData data = UnixFsData.decode(node.data());
    assertThat(data.type()).isEqualTo(UnixFsData.Type.FILE);
    long written = data.dataLength();
    if (data.data() != null) {
      out.writeBytes(data.data());
    }
    long[] blockSizes = data.blockSizes();
    assertThat(blockSizes).hasSize(node.links().size());
    for (int index = 0; index < node.links().size(); index++) {
      assertThat(readInto(node.links().get(index).cid(), sink, out)).isEqualTo(blockSizes[index]);
      written += blockSizes[index];
    }
    assertThat(data.fileSize()).isEqualTo(written);
    return written;
  }

  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  /** Keeps every block, counts puts and flushes. */
  static final class MapSink implements BlockSink {
    final Map<Cid, byte[]> blocks = new LinkedHashMap<>();
    long puts;
    long totalBytes;
    int flushes;

    @Override
    public void put(Cid cid, byte[] block) {
      blocks.put(cid, block);
      puts++;
      totalBytes += block.length;
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private record ReferenceNode(Cid cid, long cumulativeSize, long fileSize) {}

  /**
   * The balanced layout as the JS importer states it: cut all chunks, group the leaves in runs of maxLinks into
   * parents, group those, until one node is left. Built in memory from the codec classes, independently of the
   * importer's streaming and leaf framing.
   */
  private static final class ReferenceBuild {
    static ReferenceNode of(byte[] content, ImportOptions options) {
      List<ReferenceNode> level = new ArrayList<>();
      int offset = 0;
      do {
        byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + options.chunkSize()));
        offset += chunk.length;
        if (options.rawLeaves()) {
          level.add(new ReferenceNode(Cid.of(1, Cid.RAW, chunk), chunk.length, chunk.length));
        } else {
          byte[] block = new PbNode(List.of(), UnixFsData.fileLeaf(chunk).encode()).encode();
          level.add(new ReferenceNode(Cid.of(options.cidVersion(), Cid.DAG_PB, block), block.length, chunk.length));
        }
      } while (offset < content.length);
      if (level.size() == 1) {
        return level.get(0);
      }
      while (level.size() > 1) {
        List<ReferenceNode> parents = new ArrayList<>();
        for (int start = 0; start < level.size(); start += options.maxLinks()) {
          parents.add(parent(level.subList(start, Math.min(level.size(), start + options.maxLinks())), options));
        }
        level = parents;
      }
      return level.get(0);
    }

    private static ReferenceNode parent(List<ReferenceNode> children, ImportOptions options) {
      List<PbLink> links = new ArrayList<>();
      long[] blockSizes = new long[children.size()];
      long fileSize = 0;
      long cumulative = 0;
      for (int index = 0; index < children.size(); index++) {
        ReferenceNode child = children.get(index);
        links.add(new PbLink(child.cid(), "", child.cumulativeSize()));
        blockSizes[index] = child.fileSize();
        fileSize += child.fileSize();
        cumulative += child.cumulativeSize();
      }
      byte[] block = new PbNode(links, UnixFsData.fileNode(fileSize, blockSizes).encode()).encode();
      return new ReferenceNode(Cid.of(options.cidVersion(), Cid.DAG_PB, block), block.length + cumulative, fileSize);
    }
  }
}
