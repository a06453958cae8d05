package io.citrate.ipfs.internal.http;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.block.BlockSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Blocks in a map, verified on read as the blockstore does; tests remove or spoil blocks to see failures. */
final class MemoryBlocks implements BlockSource, BlockSink {
  private final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();

  @Override
  public void put(Cid cid, byte[] block) {
    blocks.put(cid, block.clone());
  }

  /** Stores {@code block} under its id in {@code codec}, CIDv1, and returns the id. */
  Cid add(long codec, byte[] block) {
    Cid cid = Cid.of(1, codec, block);
    put(cid, block);
    return cid;
  }

  void remove(Cid cid) {
    blocks.remove(cid);
  }

  /** Replaces the block's bytes by ones that do not hash to its id. */
  void corrupt(Cid cid) {
    byte[] spoiled = blocks.get(cid).clone();
    spoiled[spoiled.length / 2] ^= 0x01;
    blocks.put(cid, spoiled);
  }

  int size() {
    return blocks.size();
  }

  @Override
  public byte[] get(Cid cid) {
    byte[] block = blocks.get(cid);
    if (block == null) {
      throw new IpfsException(Kind.NOT_FOUND, "block " + cid + " is not held");
    }
    if (!cid.matches(block)) {
      throw new IpfsException(Kind.CORRUPT_BLOCK, "block " + cid + " does not hash to its id");
    }
    return block.clone();
  }
}
