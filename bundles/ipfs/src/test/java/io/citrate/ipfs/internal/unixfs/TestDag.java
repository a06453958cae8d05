package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * UnixFS DAGs built by hand into an in-memory block source, for reader and CAR tests: raw and dag-pb blocks,
 * balanced file trees, basic directories and HAMT shards laid out as Kubo lays them out. Records every fetch.
 */
public final class TestDag implements BlockSource {
  private final int version;
  private final Map<Cid, byte[]> blocks = new LinkedHashMap<>();
  private final Map<Cid, Long> cumulativeSizes = new HashMap<>();
  private final Map<Cid, Long> contentSizes = new HashMap<>();
  private final List<Cid> fetched = new ArrayList<>();

  /** Dag-pb nodes get ids of {@code version} (0 or 1); raw blocks are always CIDv1. */
  public TestDag(int version) {
    this.version = version;
  }

  @Override
  public byte[] get(Cid cid) {
    fetched.add(cid);
    byte[] block = blocks.get(cid);
    if (block == null) {
      throw new IpfsException(Kind.NOT_FOUND, "no block " + cid);
    }
    return block.clone();
  }

  public List<Cid> fetched() {
    return fetched;
  }

  public Map<Cid, byte[]> blocks() {
    return blocks;
  }

  public void remove(Cid cid) {
    blocks.remove(cid);
  }

  /** Stores a block under an id of the caller's choosing (for corrupt or foreign blocks). */
  public void put(Cid cid, byte[] block) {
    blocks.put(cid, block.clone());
  }

  public Cid raw(byte[] bytes) {
    Cid cid = Cid.of(1, Cid.RAW, bytes);
    put(cid, bytes);
    cumulativeSizes.put(cid, (long) bytes.length);
    contentSizes.put(cid, (long) bytes.length);
    return cid;
  }

  public Cid node(List<PbLink> links, byte[] data) {
    byte[] block = new PbNode(links, data).encode();
    Cid cid = Cid.of(version, Cid.DAG_PB, block);
    put(cid, block);
    long cumulative = block.length;
    for (PbLink link : links) {
      cumulative += Math.max(0, link.size());
    }
    cumulativeSizes.put(cid, cumulative);
    return cid;
  }

  public Cid node(List<PbLink> links, UnixFsData data) {
    return node(links, data.encode());
  }

  /** A link recording the child's cumulative size. */
  public PbLink link(String name, Cid cid) {
    return new PbLink(cid, name, cumulativeSizes.getOrDefault(cid, PbLink.UNKNOWN_SIZE));
  }

  public long cumulativeSize(Cid cid) {
    return cumulativeSizes.get(cid);
  }

  /** A file leaf: a raw block, or a dag-pb File node holding the bytes. */
  public Cid leaf(byte[] chunk, boolean rawLeaves) {
    if (rawLeaves) {
      return raw(chunk);
    }
    Cid cid = node(List.of(), UnixFsData.fileLeaf(chunk));
    contentSizes.put(cid, (long) chunk.length);
    return cid;
  }

  /** A file node with optional inline bytes before its children. */
  public Cid fileNode(byte[] inline, List<Cid> children) {
    long[] sizes = new long[children.size()];
    List<PbLink> links = new ArrayList<>(children.size());
    long total = inline == null ? 0 : inline.length;
    for (int index = 0; index < children.size(); index++) {
      sizes[index] = contentSizes.get(children.get(index));
      total += sizes[index];
      links.add(link("", children.get(index)));
    }
    UnixFsData data = new UnixFsData(UnixFsData.Type.FILE, inline, total, sizes, null, null, null, null, null);
    Cid cid = node(links, data);
    contentSizes.put(cid, total);
    return cid;
  }

  /** A balanced file tree: chunks of {@code chunkSize}, at most {@code maxLinks} children per node. */
  public Cid file(byte[] content, int chunkSize, int maxLinks, boolean rawLeaves) {
    List<Cid> level = new ArrayList<>();
    int chunks = Math.max(1, (content.length + chunkSize - 1) / chunkSize);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int offset = chunk * chunkSize;
      level.add(leaf(Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize)), rawLeaves));
    }
    while (level.size() > 1) {
      List<Cid> parents = new ArrayList<>();
      for (int start = 0; start < level.size(); start += maxLinks) {
        parents.add(fileNode(null, level.subList(start, Math.min(level.size(), start + maxLinks))));
      }
      level = parents;
    }
    return level.get(0);
  }

  /** A basic directory, its links sorted by the bytes of their names. */
  public Cid directory(Map<String, Cid> entries) {
    List<PbLink> links = new ArrayList<>();
    for (Map.Entry<String, Cid> entry : sortedByNameBytes(entries)) {
      links.add(link(entry.getKey(), entry.getValue()));
    }
    return node(links, UnixFsData.directory());
  }

  /** A HAMT-sharded directory as Kubo builds it: a bucket with one entry links it, one with more a child shard. */
  public Cid hamt(Map<String, Cid> entries, int fanout) {
    List<Map.Entry<String, Cid>> list = new ArrayList<>(entries.entrySet());
    return shard(list, 0, fanout);
  }

  private Cid shard(List<Map.Entry<String, Cid>> entries, int consumed, int fanout) {
    int bits = Integer.numberOfTrailingZeros(fanout);
    int prefixLength = Integer.toHexString(fanout - 1).length();
    TreeMap<Integer, List<Map.Entry<String, Cid>>> buckets = new TreeMap<>();
    for (Map.Entry<String, Cid> entry : entries) {
      long hash = HamtHash.of(entry.getKey().getBytes(StandardCharsets.UTF_8));
      buckets.computeIfAbsent(HamtHash.bits(hash, consumed, bits), bucket -> new ArrayList<>()).add(entry);
    }
    List<PbLink> links = new ArrayList<>();
    byte[] bitfield = new byte[fanout / 8];
    for (Map.Entry<Integer, List<Map.Entry<String, Cid>>> bucket : buckets.entrySet()) {
      int index = bucket.getKey();
      bitfield[bitfield.length - 1 - index / 8] |= (byte) (1 << (index % 8));
      String prefix = String.format("%0" + prefixLength + "X", index);
      if (bucket.getValue().size() == 1) {
        Map.Entry<String, Cid> entry = bucket.getValue().get(0);
        links.add(link(prefix + entry.getKey(), entry.getValue()));
      } else {
        links.add(link(prefix, shard(bucket.getValue(), consumed + bits, fanout)));
      }
    }
    int leadingZeros = 0;
    while (leadingZeros < bitfield.length && bitfield[leadingZeros] == 0) {
      leadingZeros++;
    }
    byte[] trimmed = Arrays.copyOfRange(bitfield, leadingZeros, bitfield.length);
    return node(links, UnixFsData.hamtShard(trimmed, HamtShard.MURMUR3_X64_64, fanout));
  }

  private static List<Map.Entry<String, Cid>> sortedByNameBytes(Map<String, Cid> entries) {
    List<Map.Entry<String, Cid>> sorted = new ArrayList<>(entries.entrySet());
    sorted.sort((left, right) -> Arrays.compareUnsigned(left.getKey().getBytes(StandardCharsets.UTF_8),
        right.getKey().getBytes(StandardCharsets.UTF_8)));
    return sorted;
  }
}
