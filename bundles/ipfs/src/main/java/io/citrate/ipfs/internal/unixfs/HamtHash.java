package io.citrate.ipfs.internal.unixfs;

/**
 * Where a name lies in a UnixFS HAMT (hash type 0x22, murmur3-x64-64): the first 64 bits (h1) of MurmurHash3 x64
 * 128 with seed 0 over the name's UTF-8 bytes, read most significant bit first, {@code log2(fanout)} bits per level,
 * as Kubo writes h1 big-endian and consumes its bits from the front.
 */
final class HamtHash {
  private HamtHash() {}

  /** The 64-bit hash of a name's UTF-8 bytes. */
  static long of(byte[] name) {
    return Murmur3.x64Hash128(name)[0];
  }

  /** {@code count} bits of {@code hash} after the first {@code consumed}, most significant first. */
  static int bits(long hash, int consumed, int count) {
    return (int) ((hash >>> (Long.SIZE - consumed - count)) & ((1L << count) - 1));
  }
}
