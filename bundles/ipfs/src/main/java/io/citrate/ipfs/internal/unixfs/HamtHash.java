package io.citrate.ipfs.internal.unixfs;

/**
 * The hash that places a name in a UnixFS HAMT shard (hash type 0x22): the first 64 bits (h1) of MurmurHash3
 * x64 128 with seed 0 over the name's UTF-8 bytes, read most significant bit first, as Kubo writes h1 big-endian
 * and consumes its bits from the front, {@code log2(fanout)} bits per level.
 */
final class HamtHash {
  /** Multicodec code of murmur3-x64-64, the only hash a UnixFS HAMT uses. */
  static final long MURMUR3_X64_64 = 0x22;

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private HamtHash() {}

  /** h1 of MurmurHash3 x64 128, seed 0. */
  static long murmur3x64(byte[] data) {
    long h1 = 0;
    long h2 = 0;
    int blocks = data.length / 16;
    for (int block = 0; block < blocks; block++) {
      long k1 = littleEndianLong(data, block * 16);
      long k2 = littleEndianLong(data, block * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    long k1 = 0;
    long k2 = 0;
    int remaining = data.length - tail;
    for (int index = remaining - 1; index >= 8; index--) {
      k2 = (k2 << 8) | (data[tail + index] & 0xFF);
    }
    for (int index = Math.min(remaining, 8) - 1; index >= 0; index--) {
      k1 = (k1 << 8) | (data[tail + index] & 0xFF);
    }
    if (remaining > 8) {
      h2 ^= mixK2(k2);
    }
    if (remaining > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= data.length;
    h2 ^= data.length;
    h1 += h2;
    h2 += h1;
    h1 = finalMix(h1);
    h2 = finalMix(h2);
    h1 += h2;
    return h1;
  }

  /** {@code count} bits of {@code hash} after the first {@code consumed}, most significant first. */
  static int bits(long hash, int consumed, int count) {
    return (int) ((hash >>> (Long.SIZE - consumed - count)) & ((1L << count) - 1));
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long finalMix(long value) {
    value ^= value >>> 33;
    value *= 0xff51afd7ed558ccdL;
    value ^= value >>> 33;
    value *= 0xc4ceb9fe1a85ec53L;
    value ^= value >>> 33;
    return value;
  }

  private static long littleEndianLong(byte[] data, int offset) {
    long value = 0;
    for (int index = 7; index >= 0; index--) {
      value = (value << 8) | (data[offset + index] & 0xFF);
    }
    return value;
  }
}
