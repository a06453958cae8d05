package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A large directory as Kubo shards it: a HAMT of fanout 256 keyed by the murmur3-x64-64 hash of each name. A shard
 * node's slot {@code i} (the hash's byte at the node's depth) holds either one entry, linked as the slot in two
 * upper-case hex digits followed by the name, or a sub-shard of all the entries that share the slot, linked as the
 * two digits alone. Links follow slot order; the node's data is a UnixFS HAMTShard with the occupancy bitfield
 * (big-endian, bit {@code i} for slot {@code i}, leading zero bytes dropped), the hash function and the fanout.
 */
final class HamtShard {
  /** Multicodec of murmur3-x64-64, the hash UnixFS shards use. */
  static final long MURMUR3_X64_64 = 0x22;
  static final int FANOUT = 256;
  private static final int HASH_BYTES = 8;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final int cidVersion;
  private final BlockSink sink;
  private long blocks;

  HamtShard(int cidVersion, BlockSink sink) {
    this.cidVersion = cidVersion;
    this.sink = sink;
  }

  /** A directory entry with the hash of its name. */
  private record Entry(DirectoryLink link, byte[] hash) {}

  /** Writes the shard tree of {@code entries}; returns the root shard's link data (its name is not used). */
  DirectoryLink build(List<DirectoryLink> entries) {
    List<Entry> hashed = new ArrayList<>(entries.size());
    for (DirectoryLink link : entries) {
      hashed.add(new Entry(link, Murmur3.x64Hash64(link.name().getBytes(StandardCharsets.UTF_8))));
    }
    return node(hashed, 0);
  }

  /** Blocks written by {@link #build}. */
  long blocks() {
    return blocks;
  }

  private DirectoryLink node(List<Entry> entries, int depth) {
    if (depth == HASH_BYTES) {
      throw new IpfsException(Kind.INVALID_DATA, "directory entries '" + entries.get(0).link().name() + "' and '"
          + entries.get(1).link().name() + "' have the same 64-bit name hash; a HAMT shard cannot hold both");
    }
    @SuppressWarnings("unchecked")
    List<Entry>[] slots = new List[FANOUT];
    for (Entry entry : entries) {
      int slot = entry.hash()[depth] & 0xFF;
      if (slots[slot] == null) {
        slots[slot] = new ArrayList<>(2);
      }
      slots[slot].add(entry);
    }
    byte[] bitfield = new byte[FANOUT / 8];
    List<PbLink> links = new ArrayList<>();
    long childrenSize = 0;
    for (int slot = 0; slot < FANOUT; slot++) {
      List<Entry> occupants = slots[slot];
      if (occupants == null) {
        continue;
      }
      bitfield[bitfield.length - 1 - slot / 8] |= (byte) (1 << (slot % 8));
      String prefix = new String(new char[] {HEX[slot >>> 4], HEX[slot & 15]});
      if (occupants.size() == 1) {
        DirectoryLink entry = occupants.get(0).link();
        links.add(new PbLink(entry.cid(), prefix + entry.name(), entry.cumulativeSize()));
        childrenSize += entry.cumulativeSize();
      } else {
        DirectoryLink child = node(occupants, depth + 1);
        links.add(new PbLink(child.cid(), prefix, child.cumulativeSize()));
        childrenSize += child.cumulativeSize();
      }
    }
    int firstUsed = 0;
    while (bitfield[firstUsed] == 0) {
      firstUsed++;
    }
    UnixFsData data = UnixFsData.hamtShard(Arrays.copyOfRange(bitfield, firstUsed, bitfield.length),
        MURMUR3_X64_64, FANOUT);
    byte[] block = new PbNode(links, data.encode()).encode();
    Cid cid = Cid.of(cidVersion, Cid.DAG_PB, block);
    sink.put(cid, block);
    blocks++;
    return new DirectoryLink("", cid, block.length + childrenSize);
  }
}
