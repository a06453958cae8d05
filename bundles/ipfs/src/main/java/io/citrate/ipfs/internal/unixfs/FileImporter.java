package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import io.citrate.ipfs.internal.dag.Varint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Imports one file as Kubo's {@code ipfs add} does: fixed-size chunks, each a leaf (a dag-pb UnixFS File node
 * holding the bytes, or a raw block), gathered into a balanced tree of at most {@code maxLinks} children per node.
 * A file of one chunk (or none) is that leaf alone.
 *
 * <p>The content is streamed: the importer holds the chunks being hashed and, per tree level, the links of the node
 * still being filled, so memory grows with chunk size times depth, never with the file. Leaves are hashed on
 * worker threads while the next chunks are read; blocks still reach the sink in order, on the calling thread.
 */
public final class FileImporter {
  private final ImportOptions options;
  private final BlockSink sink;
  /** Hashing threads for files of more than one chunk (started on first use), or null to hash inline. */
  private final LeafHasher.Workers hashWorkers;
  /** Where each file's first chunk is read; see {@link #readFirstLeaf}. */
  private byte[] firstChunk;

  public FileImporter(ImportOptions options, BlockSink sink) {
    this.options = options;
    this.sink = sink;
    this.hashWorkers = LeafHasher.Workers.forChunkSize(options.chunkSize());
  }

  /**
   * Streams {@code content} to its end, puts every block into the sink, flushes it, and returns the root, the
   * content bytes, the DAG's cumulative size and the number of blocks.
   */
  public ImportResult importFile(InputStream content) throws IOException {
    ImportResult result = importWithoutFlush(content);
    sink.flush();
    return result;
  }

  /** The import without the final flush, for the directory importer that flushes once at its end. */
  ImportResult importWithoutFlush(InputStream content) throws IOException {
    int chunkSize = options.chunkSize();
    Leaf first = readFirstLeaf(content);
    if (first.contentLength < chunkSize) {
      return single(first);
    }
    Leaf next = readLeaf(content);
    if (next.contentLength == 0) {
      return single(first);
    }
    Tree tree = new Tree();
    try (LeafHasher<Leaf> hasher = LeafHasher.start(hashWorkers, tree::addLeaf)) {
      hasher.submit(first.block, first);
      while (true) {
        hasher.submit(next.block, next);
        if (next.contentLength < chunkSize) {
          break;
        }
        next = readLeaf(content);
        if (next.contentLength == 0) {
          break;
        }
      }
      hasher.drain();
    }
    return tree.finish();
  }

  private ImportResult single(Leaf leaf) {
    Cid cid = leafCid(LeafHasher.sha256(leaf.block));
    sink.put(cid, leaf.block);
    return new ImportResult(cid, leaf.contentLength, leaf.block.length, 1);
  }

  /** A leaf block and how many bytes of file content it carries. */
  private record Leaf(byte[] block, int contentLength) {}

  /**
   * Reads the first chunk into a buffer kept for the next file, and copies it into a block of its size: most files
   * of a directory are small, and a block of a whole chunk for each would be mostly zeros to allocate.
   */
  private Leaf readFirstLeaf(InputStream content) throws IOException {
    if (firstChunk == null) {
      firstChunk = new byte[options.chunkSize()];
    }
    int read = content.readNBytes(firstChunk, 0, firstChunk.length);
    return leafOf(firstChunk, 0, read);
  }

  /**
   * Reads the next chunk straight into the block that will carry it. A dag-pb leaf of a full chunk is laid out
   * around the bytes as they are read, so no copy is made; only a short last chunk is copied into a smaller block.
   */
  private Leaf readLeaf(InputStream content) throws IOException {
    int chunkSize = options.chunkSize();
    if (options.rawLeaves()) {
      byte[] chunk = new byte[chunkSize];
      int read = content.readNBytes(chunk, 0, chunkSize);
      return read == chunkSize ? new Leaf(chunk, read) : leafOf(chunk, 0, read);
    }
    int header = leafHeaderLength(chunkSize);
    byte[] block = new byte[leafBlockLength(chunkSize)];
    int read = content.readNBytes(block, header, chunkSize);
    if (read == chunkSize) {
      writeLeafFraming(block, chunkSize);
      return new Leaf(block, read);
    }
    return leafOf(block, header, read);
  }

  /** A leaf block holding a copy of {@code length} bytes of {@code source} from {@code offset}. */
  private Leaf leafOf(byte[] source, int offset, int length) {
    if (options.rawLeaves()) {
      return new Leaf(Arrays.copyOfRange(source, offset, offset + length), length);
    }
    byte[] block = new byte[leafBlockLength(length)];
    System.arraycopy(source, offset, block, leafHeaderLength(length), length);
    writeLeafFraming(block, length);
    return new Leaf(block, length);
  }

  /*
   * A dag-pb leaf is PBNode{Data: UnixFS{Type: File, Data: chunk, filesize: n}}, with the UnixFS Data field left out
   * for an empty chunk, as Kubo writes it:
   *   0x0a len(unixfs) | 0x08 0x02 | 0x12 varint(n) chunk | 0x18 varint(n)
   */

  private static int unixFsLength(int contentLength) {
    int dataField = contentLength == 0 ? 0 : 1 + Varint.size(contentLength) + contentLength;
    return 2 + dataField + 1 + Varint.size(contentLength);
  }

  private static int leafHeaderLength(int contentLength) {
    int unixFs = unixFsLength(contentLength);
    return 1 + Varint.size(unixFs) + 2 + (contentLength == 0 ? 0 : 1 + Varint.size(contentLength));
  }

  private static int leafBlockLength(int contentLength) {
    int unixFs = unixFsLength(contentLength);
    return 1 + Varint.size(unixFs) + unixFs;
  }

  /** Writes the bytes before and after the chunk, which is already in place after the header. */
  private static void writeLeafFraming(byte[] block, int contentLength) {
    int offset = 0;
    block[offset++] = 0x0a;
    offset = Varint.write(unixFsLength(contentLength), block, offset);
    block[offset++] = 0x08;
    block[offset++] = (byte) UnixFsData.Type.FILE.number();
    if (contentLength > 0) {
      block[offset++] = 0x12;
      offset = Varint.write(contentLength, block, offset);
      offset += contentLength;
    }
    block[offset++] = 0x18;
    Varint.write(contentLength, block, offset);
  }

  private Cid leafCid(byte[] digest) {
    Multihash multihash = Multihash.ofSha256Digest(digest);
    if (options.rawLeaves()) {
      return Cid.v1(Cid.RAW, multihash);
    }
    return options.cidVersion() == 0 ? Cid.v0(multihash) : Cid.v1(Cid.DAG_PB, multihash);
  }

  /** A child of a file node: its id, its cumulative size (the link's Tsize) and the file bytes under it. */
  private record Child(Cid cid, long cumulativeSize, long fileSize) {}

  /**
   * The balanced layout, built as the leaves arrive: level 0 holds the leaves of the node being filled, level
   * {@code i} the links of its parent at height {@code i}. A level that already holds {@code maxLinks} links is
   * closed into a node one level up when one more arrives, so every node but the last on each level is full.
   */
  private final class Tree {
    private final List<List<Child>> levels = new ArrayList<>();
    private long contentBytes;
    private long blocks;

    /** A hashed leaf, in file order. */
    void addLeaf(Leaf leaf, byte[] digest) {
      Cid cid = leafCid(digest);
      sink.put(cid, leaf.block);
      blocks++;
      contentBytes += leaf.contentLength;
      add(0, new Child(cid, leaf.block.length, leaf.contentLength));
    }

    private void add(int height, Child child) {
      if (levels.size() == height) {
        levels.add(new ArrayList<>());
      }
      List<Child> level = levels.get(height);
      if (level.size() == options.maxLinks()) {
        add(height + 1, close(level));
      }
      level.add(child);
    }

    /** Closes the levels bottom up; the root is the one link left at the top. */
    ImportResult finish() {
      for (int height = 0; ; height++) {
        List<Child> level = levels.get(height);
        if (height == levels.size() - 1) {
          Child root = level.size() == 1 ? level.get(0) : close(level);
          return new ImportResult(root.cid(), contentBytes, root.cumulativeSize(), blocks);
        }
        add(height + 1, close(level));
      }
    }

    /** Writes the file node linking {@code children} and empties the list. */
    private Child close(List<Child> children) {
      List<PbLink> links = new ArrayList<>(children.size());
      long[] blockSizes = new long[children.size()];
      long fileSize = 0;
      long childrenSize = 0;
      for (int index = 0; index < children.size(); index++) {
        Child child = children.get(index);
        links.add(new PbLink(child.cid(), "", child.cumulativeSize()));
        blockSizes[index] = child.fileSize();
        fileSize += child.fileSize();
        childrenSize += child.cumulativeSize();
      }
      byte[] block = new PbNode(links, UnixFsData.fileNode(fileSize, blockSizes).encode()).encode();
      Cid cid = Cid.of(options.cidVersion(), Cid.DAG_PB, block);
      sink.put(cid, block);
      blocks++;
      children.clear();
      return new Child(cid, block.length + childrenSize, fileSize);
    }
  }
}
