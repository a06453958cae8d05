package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The UnixFS exporter: resolves paths through basic and HAMT-sharded directories, lists and stats entries, and reads
 * files (dag-pb trees with raw or dag-pb leaves) by byte range, fetching only the blocks the range touches. Every
 * node is checked as it is read: a DAG that contradicts itself (block sizes that do not add up, a leaf shorter than
 * its parent says, a misplaced HAMT entry, a tree deeper than {@value #MAX_DEPTH}) is an {@link IpfsException}
 * INVALID_DATA, never a wrong answer, an endless walk or an exhausted heap.
 */
public final class UnixFsReader {
  /** Deepest file tree read; Kubo's balanced layout needs 4 levels for 7 TiB. */
  static final int MAX_DEPTH = 64;
  /** Widest HAMT accepted, as Kubo limits it. */
  static final int MAX_HAMT_FANOUT = 1024;

  private static final Comparator<UnixFsEntry> BY_NAME_BYTES = (left, right) -> Arrays.compareUnsigned(
      left.name().getBytes(StandardCharsets.UTF_8), right.name().getBytes(StandardCharsets.UTF_8));

  private final BlockSource blocks;

  public UnixFsReader(BlockSource blocks) {
    this.blocks = blocks;
  }

  /**
   * The blocks visited resolving {@code path}, root first, the target last (HAMT inner shards included). NOT_FOUND
   * when a segment is absent, INVALID_PATH when a segment goes through a file or raw block.
   */
  public List<Cid> resolveBlocks(IpfsPath path) {
    List<Cid> visited = new ArrayList<>();
    Cid current = path.root();
    visited.add(current);
    String walked = "/ipfs/" + path.root();
    for (String segment : path.segments()) {
      Node node = load(current);
      UnixFsData.Type type = node.unixFs == null ? null : node.unixFs.type();
      if (type == UnixFsData.Type.DIRECTORY) {
        current = basicDirectoryChild(node, segment, walked);
      } else if (type == UnixFsData.Type.HAMT_SHARD) {
        current = hamtChild(node, segment, walked, visited);
      } else {
        throw new IpfsException(Kind.INVALID_PATH, walked + " is " + describe(node) + ", not a directory: cannot "
            + "resolve '" + segment + "' in it");
      }
      visited.add(current);
      walked += "/" + segment;
    }
    return visited;
  }

  public Cid resolve(IpfsPath path) {
    List<Cid> visited = resolveBlocks(path);
    return visited.get(visited.size() - 1);
  }

  /** What {@code cid} is, with name "" and as dag size its cumulative size (block plus the links' sizes). */
  public UnixFsEntry stat(Cid cid) {
    return entry("", load(cid), PbLink.UNKNOWN_SIZE);
  }

  /** A directory's entries, basic or HAMT, sorted by the bytes of their UTF-8 names. */
  public List<UnixFsEntry> list(Cid directory) {
    Node node = load(directory);
    UnixFsData.Type type = node.unixFs == null ? null : node.unixFs.type();
    List<UnixFsEntry> entries = new ArrayList<>();
    if (type == UnixFsData.Type.DIRECTORY) {
      for (PbLink link : directoryLinks(node)) {
        entries.add(entry(link.name(), load(link.cid()), link.size()));
      }
    } else if (type == UnixFsData.Type.HAMT_SHARD) {
      listShard(node, 0, 0, entries);
    } else {
      throw new IpfsException(Kind.INVALID_PATH, directory + " is " + describe(node) + ", not a directory");
    }
    entries.sort(BY_NAME_BYTES);
    return entries;
  }

  /**
   * Writes bytes [offset, offset + length) of a file or raw block to {@code out} (fewer where the file ends first;
   * {@link Long#MAX_VALUE} reads to the end), fetching only the blocks that hold them. Returns the bytes written.
   */
  public long read(Cid file, long offset, long length, OutputStream out) throws IOException {
    FileWalker walker = new FileWalker(file, offset, length);
    long written = 0;
    for (Slice slice = walker.next(); slice != null; slice = walker.next()) {
      out.write(slice.bytes, slice.offset, slice.length);
      written += slice.length;
    }
    return written;
  }

  /**
   * The same bytes as {@link #read}, as a stream that fetches each block only when its bytes are read. A DAG that
   * turns out malformed part way throws {@link IpfsException} from {@code read}.
   */
  public InputStream open(Cid file, long offset, long length) {
    return new FileStream(new FileWalker(file, offset, length));
  }

  // ---- nodes

  /** A fetched block: dag-pb with its UnixFS data, or raw ({@code pb} and {@code unixFs} null). */
  private record Node(Cid cid, byte[] block, PbNode pb, UnixFsData unixFs) {}

  private Node load(Cid cid) {
    byte[] block = fetch(cid);
    if (cid.codec() == Cid.RAW) {
      return new Node(cid, block, null, null);
    }
    if (cid.codec() != Cid.DAG_PB) {
      throw new IpfsException(Kind.INVALID_DATA, cid + " has codec 0x" + Long.toHexString(cid.codec())
          + ", which is not UnixFS (dag-pb or raw)");
    }
    try {
      PbNode pb = PbNode.decode(block);
      return new Node(cid, block, pb, UnixFsData.decode(pb.data()));
    } catch (IpfsException e) {
      throw new IpfsException(Kind.INVALID_DATA, cid + ": " + e.getMessage(), e);
    }
  }

  /** An identity id carries its block; any other comes from the block source. */
  private byte[] fetch(Cid cid) {
    if (cid.multihash().code() == Multihash.IDENTITY) {
      return cid.multihash().digest();
    }
    return blocks.get(cid);
  }

  private UnixFsEntry entry(String name, Node node, long linkSize) {
    long dagSize = linkSize == PbLink.UNKNOWN_SIZE ? cumulativeSize(node) : linkSize;
    if (node.unixFs == null) {
      return new UnixFsEntry(name, node.cid, UnixFsEntry.Type.RAW, node.block.length, dagSize);
    }
    return switch (node.unixFs.type()) {
      case FILE, RAW -> new UnixFsEntry(name, node.cid, UnixFsEntry.Type.FILE, fileLayout(node).contentSize(),
          dagSize);
      case DIRECTORY -> new UnixFsEntry(name, node.cid, UnixFsEntry.Type.DIRECTORY, 0, dagSize);
      case HAMT_SHARD -> new UnixFsEntry(name, node.cid, UnixFsEntry.Type.HAMT_DIRECTORY, 0, dagSize);
      case SYMLINK -> new UnixFsEntry(name, node.cid, UnixFsEntry.Type.SYMLINK, node.unixFs.dataLength(), dagSize);
      case METADATA -> throw unsupportedMetadata(node);
    };
  }

  /** The block plus every link's recorded size: what a parent link's Tsize records for this node. */
  private static long cumulativeSize(Node node) {
    long size = node.block.length;
    if (node.pb != null) {
      for (PbLink link : node.pb.links()) {
        if (link.hasSize()) {
          size = addSizes(size, link.size(), node.cid);
        }
      }
    }
    return size;
  }

  private static String describe(Node node) {
    if (node.unixFs == null) {
      return "a raw block";
    }
    return switch (node.unixFs.type()) {
      case FILE, RAW -> "a file";
      case SYMLINK -> "a symlink";
      case METADATA -> "a UnixFS metadata node";
      case DIRECTORY, HAMT_SHARD -> "a directory";
    };
  }

  private static IpfsException unsupportedMetadata(Node node) {
    return new IpfsException(Kind.INVALID_DATA, node.cid + " is a UnixFS metadata node, which is not supported");
  }

  private static long addSizes(long left, long right, Cid cid) {
    if (right < 0) {
      throw new IpfsException(Kind.INVALID_DATA, cid + " records a size beyond 2^63 - 1");
    }
    try {
      return Math.addExact(left, right);
    } catch (ArithmeticException e) {
      throw new IpfsException(Kind.INVALID_DATA, cid + ": sizes add up beyond 2^63 - 1", e);
    }
  }

  // ---- basic directories

  /** The links of a basic directory, each checked to be a usable, unique entry name. */
  private static List<PbLink> directoryLinks(Node node) {
    List<PbLink> links = node.pb.links();
    Set<String> names = new HashSet<>(links.size() * 2);
    for (PbLink link : links) {
      checkEntryName(link.name(), node.cid);
      if (!names.add(link.name())) {
        throw new IpfsException(Kind.INVALID_DATA, "directory " + node.cid + " names '" + link.name() + "' twice");
      }
    }
    return links;
  }

  private static Cid basicDirectoryChild(Node node, String segment, String walked) {
    for (PbLink link : directoryLinks(node)) {
      if (segment.equals(link.name())) {
        return link.cid();
      }
    }
    throw new IpfsException(Kind.NOT_FOUND, "no '" + segment + "' in " + walked);
  }

  private static void checkEntryName(String name, Cid directory) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
        || name.indexOf('\0') >= 0) {
      throw new IpfsException(Kind.INVALID_DATA, "directory " + directory + " has an entry named "
          + (name == null ? "nothing" : "'" + name + "'") + ", which is not a valid file name");
    }
  }

  // ---- HAMT-sharded directories

  /** A validated HAMT shard: the hash bits one level takes (log2 of its fanout) and its links by bucket. */
  private record Shard(Node node, int bitsPerLevel, List<ShardLink> links) {}

  /** A shard link: its bucket, and the entry name it holds, or null for a link to a child shard. */
  private record ShardLink(int bucket, String entryName, PbLink link) {}

  private static Shard shard(Node node) {
    UnixFsData data = node.unixFs;
    if (data.hashType() == null || data.hashType() != HamtShard.MURMUR3_X64_64) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " uses hash function "
          + (data.hashType() == null ? "none" : "0x" + Long.toHexString(data.hashType()))
          + "; only murmur3-x64-64 (0x22) is supported");
    }
    Long fanoutField = data.fanout();
    if (fanoutField == null || fanoutField < 8 || fanoutField > MAX_HAMT_FANOUT
        || Long.bitCount(fanoutField) != 1) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " has fanout " + fanoutField
          + "; a fanout is a power of two from 8 to " + MAX_HAMT_FANOUT);
    }
    int fanout = fanoutField.intValue();
    int prefixLength = Integer.toHexString(fanout - 1).length();
    List<ShardLink> links = new ArrayList<>(node.pb.links().size());
    int previousBucket = -1;
    for (PbLink link : node.pb.links()) {
      String name = link.name();
      int bucket = name == null || name.length() < prefixLength ? -1 : bucketOf(name, prefixLength);
      if (bucket < 0 || bucket >= fanout) {
        throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " has a link named "
            + (name == null ? "nothing" : "'" + name + "'") + " that does not start with a bucket index ("
            + prefixLength + " upper-case hex digits below " + fanout + ")");
      }
      if (bucket <= previousBucket) {
        throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " has its links out of bucket order");
      }
      previousBucket = bucket;
      String entryName = null;
      if (name.length() > prefixLength) {
        entryName = name.substring(prefixLength);
        checkEntryName(entryName, node.cid);
      }
      links.add(new ShardLink(bucket, entryName, link));
    }
    checkBitfield(node, fanout, links);
    return new Shard(node, Integer.numberOfTrailingZeros(fanout), links);
  }

  private static int bucketOf(String name, int prefixLength) {
    int bucket = 0;
    for (int index = 0; index < prefixLength; index++) {
      char digit = name.charAt(index);
      int value = digit >= '0' && digit <= '9' ? digit - '0' : digit >= 'A' && digit <= 'F' ? digit - 'A' + 10 : -1;
      if (value < 0) {
        return -1;
      }
      bucket = bucket * 16 + value;
    }
    return bucket;
  }

  /**
   * The shard's data is its occupancy bitfield: big-endian, bucket {@code i} at bit {@code i % 8} of the
   * {@code i / 8}-th byte from the end, leading zero bytes dropped. It must name exactly the buckets of the links.
   */
  private static void checkBitfield(Node node, int fanout, List<ShardLink> links) {
    byte[] bitfield = node.unixFs.data();
    if (bitfield == null) {
      bitfield = new byte[0];
    }
    if (bitfield.length > fanout / 8) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " has a bitfield of " + bitfield.length
          + " bytes for fanout " + fanout);
    }
    int setBits = 0;
    for (byte value : bitfield) {
      setBits += Integer.bitCount(value & 0xFF);
    }
    boolean consistent = setBits == links.size();
    for (int index = 0; consistent && index < links.size(); index++) {
      int bucket = links.get(index).bucket;
      int byteIndex = bitfield.length - 1 - bucket / 8;
      consistent = byteIndex >= 0 && (bitfield[byteIndex] >>> (bucket % 8) & 1) != 0;
    }
    if (!consistent) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid
          + ": its bitfield does not match the buckets of its links");
    }
  }

  private Cid hamtChild(Node root, String segment, String walked, List<Cid> visited) {
    long hash = HamtHash.of(segment.getBytes(StandardCharsets.UTF_8));
    Shard shard = shard(root);
    int consumed = 0;
    while (true) {
      if (consumed + shard.bitsPerLevel > Long.SIZE) {
        throw new IpfsException(Kind.INVALID_DATA, "HAMT " + root.cid + " is deeper than its 64 hash bits allow");
      }
      int bucket = HamtHash.bits(hash, consumed, shard.bitsPerLevel);
      consumed += shard.bitsPerLevel;
      ShardLink found = null;
      for (ShardLink link : shard.links) {
        if (link.bucket == bucket) {
          found = link;
          break;
        }
      }
      if (found == null || (found.entryName != null && !found.entryName.equals(segment))) {
        throw new IpfsException(Kind.NOT_FOUND, "no '" + segment + "' in " + walked);
      }
      if (found.entryName != null) {
        return found.link.cid();
      }
      visited.add(found.link.cid());
      shard = shard(childShard(found.link.cid(), shard.node));
    }
  }

  private Node childShard(Cid cid, Node parent) {
    Node child = load(cid);
    if (child.unixFs == null || child.unixFs.type() != UnixFsData.Type.HAMT_SHARD) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + parent.cid + " links " + cid + " as a child shard, "
          + "but it is " + describe(child));
    }
    return child;
  }

  /**
   * Collects the entries under a shard. {@code path} holds the buckets taken so far ({@code consumed} hash bits):
   * each entry's name must hash to them, which also keeps a shard linked into several buckets from being counted
   * twice.
   */
  private void listShard(Node node, int consumed, long path, List<UnixFsEntry> entries) {
    Shard shard = shard(node);
    if (consumed + shard.bitsPerLevel > Long.SIZE) {
      throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " is deeper than 64 hash bits allow");
    }
    int level = consumed + shard.bitsPerLevel;
    for (ShardLink link : shard.links) {
      long linkPath = (path << shard.bitsPerLevel) | link.bucket;
      if (link.entryName == null) {
        listShard(childShard(link.link.cid(), node), level, linkPath, entries);
        continue;
      }
      long hash = HamtHash.of(link.entryName.getBytes(StandardCharsets.UTF_8));
      if (hash >>> (Long.SIZE - level) != linkPath) {
        throw new IpfsException(Kind.INVALID_DATA, "HAMT shard " + node.cid + " holds '" + link.entryName
            + "' in a bucket its name does not hash to");
      }
      entries.add(entry(link.entryName, load(link.link.cid()), link.link.size()));
    }
  }

  // ---- files

  /** A file node's checked layout: inline bytes, then one child per block size. */
  private record FileLayout(byte[] inline, List<PbLink> children, long[] blockSizes, long contentSize) {}

  private static FileLayout fileLayout(Node node) {
    UnixFsData data = node.unixFs;
    List<PbLink> children = node.pb.links();
    long[] blockSizes = data.blockSizes();
    if (blockSizes.length != children.size()) {
      throw new IpfsException(Kind.INVALID_DATA, "file node " + node.cid + " has " + children.size() + " links but "
          + blockSizes.length + " block sizes");
    }
    long contentSize = data.dataLength();
    for (long blockSize : blockSizes) {
      contentSize = addSizes(contentSize, blockSize, node.cid);
    }
    Long fileSize = data.fileSize();
    if (fileSize != null && fileSize != contentSize) {
      throw new IpfsException(Kind.INVALID_DATA, "file node " + node.cid + " says filesize " + Long.toUnsignedString(
          fileSize) + " but its data and block sizes add up to " + contentSize);
    }
    byte[] inline = data.data();
    return new FileLayout(inline == null ? new byte[0] : inline, children, blockSizes, contentSize);
  }

  /** Bytes of a block that fall into the range read. */
  private record Slice(byte[] bytes, int offset, int length) {}

  /** A file node being read: its layout, where its content starts in the file, and the next child to visit. */
  private static final class Frame {
    final FileLayout layout;
    final long start;
    final int depth;
    boolean inlineDone;
    int nextChild;
    long nextChildStart;

    Frame(FileLayout layout, long start, int depth) {
      this.layout = layout;
      this.start = start;
      this.depth = depth;
      this.nextChildStart = start + layout.inline.length;
    }
  }

  /**
   * Walks a file tree depth first, yielding the slices of leaves and inline data inside [from, to). Subtrees
   * entirely outside the range are skipped by their block sizes without being fetched; each fetched node is checked
   * against the size its parent gave it.
   */
  private final class FileWalker {
    private final Cid root;
    private final long from;
    private long to;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean started;

    FileWalker(Cid root, long offset, long length) {
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
      }
      this.root = root;
      this.from = offset;
      this.to = length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length;
    }

    /** The next slice in file order, or null at the end of the range. */
    Slice next() {
      if (!started) {
        started = true;
        Slice slice = visit(root, 0, -1, 0);
        if (slice != null) {
          return slice;
        }
      }
      while (!stack.isEmpty()) {
        Frame frame = stack.peek();
        if (!frame.inlineDone) {
          frame.inlineDone = true;
          Slice slice = clip(frame.layout.inline, frame.start);
          if (slice != null) {
            return slice;
          }
        }
        if (frame.nextChild == frame.layout.children.size() || frame.nextChildStart >= to) {
          stack.pop();
          continue;
        }
        int child = frame.nextChild++;
        long childStart = frame.nextChildStart;
        long childSize = frame.layout.blockSizes[child];
        frame.nextChildStart += childSize;
        if (childStart + childSize <= from) {
          continue;
        }
        Slice slice = visit(frame.layout.children.get(child).cid(), childStart, childSize, frame.depth + 1);
        if (slice != null) {
          return slice;
        }
      }
      return null;
    }

    /**
     * Fetches a node whose content starts at {@code start} and must be {@code expectedSize} bytes (-1 for the
     * root): a leaf's slice is returned, an inner node is pushed to be walked.
     */
    private Slice visit(Cid cid, long start, long expectedSize, int depth) {
      if (depth > MAX_DEPTH) {
        throw new IpfsException(Kind.INVALID_DATA, "file " + root + " is deeper than " + MAX_DEPTH + " levels");
      }
      Node node = load(cid);
      if (node.unixFs == null) {
        checkSize(node, node.block.length, expectedSize);
        return clip(node.block, start);
      }
      if (node.unixFs.type() != UnixFsData.Type.FILE && node.unixFs.type() != UnixFsData.Type.RAW) {
        if (expectedSize >= 0) {
          throw new IpfsException(Kind.INVALID_DATA, "file " + root + " links " + cid + ", which is "
              + describe(node) + ", as a part of its content");
        }
        if (node.unixFs.type() == UnixFsData.Type.METADATA) {
          throw unsupportedMetadata(node);
        }
        throw new IpfsException(Kind.INVALID_PATH, cid + " is " + describe(node) + ", not a file");
      }
      FileLayout layout = fileLayout(node);
      checkSize(node, layout.contentSize, expectedSize);
      stack.push(new Frame(layout, start, depth));
      return null;
    }

    private void checkSize(Node node, long actual, long expectedSize) {
      if (expectedSize < 0) {
        to = Math.min(to, actual);
      } else if (actual != expectedSize) {
        throw new IpfsException(Kind.INVALID_DATA, "file " + root + ": block " + node.cid + " holds " + actual
            + " bytes of content where its parent says " + expectedSize);
      }
    }

    /** The part of {@code bytes}, which start at file offset {@code start}, inside the range; null if none. */
    private Slice clip(byte[] bytes, long start) {
      long sliceFrom = Math.max(from, start);
      long sliceTo = Math.min(to, start + bytes.length);
      if (sliceFrom >= sliceTo) {
        return null;
      }
      return new Slice(bytes, (int) (sliceFrom - start), (int) (sliceTo - sliceFrom));
    }
  }

  /**
   * A lazily reading stream over a {@link FileWalker}. A failure is final: every later read throws it again, so a
   * caller that catches it cannot read on past the bytes that were missing.
   */
  private static final class FileStream extends InputStream {
    private final FileWalker walker;
    private Slice current;
    private int position;
    private boolean ended;
    private IpfsException failure;

    FileStream(FileWalker walker) {
      this.walker = walker;
    }

    /** Whether a slice with bytes left is at hand, fetching the next one when needed. */
    private boolean fill() {
      if (failure != null) {
        throw failure;
      }
      try {
        while (!ended && (current == null || position == current.length)) {
          current = walker.next();
          position = 0;
          ended = current == null;
        }
      } catch (IpfsException e) {
        failure = e;
        throw e;
      }
      return !ended;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      return current.bytes[current.offset + position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, target.length);
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int count = Math.min(length, current.length - position);
      System.arraycopy(current.bytes, current.offset + position, target, offset, count);
      position += count;
      return count;
    }

    @Override
    public int available() {
      return ended || current == null ? 0 : current.length - position;
    }

    @Override
    public void close() {
      ended = true;
      current = null;
    }
  }
}
