package io.citrate.ipfs.internal.block;

import io.citrate.ipfs.api.Cid;

/**
 * Where an importer puts the blocks it makes. The caller vouches that {@code block} hashes to {@code cid} (the
 * importer just computed it); a sink that takes blocks from outside verifies them itself. A sink may buffer: what it
 * holds is written by {@link #flush}.
 */
public interface BlockSink {
  /** A sink that keeps nothing: for computing ids only ({@code ipfs add --only-hash}). */
  BlockSink DISCARD = (cid, block) -> { };

  void put(Cid cid, byte[] block);

  /** Writes whatever is buffered. */
  default void flush() {}
}
