package io.citrate.ipfs.internal.unixfs;

/**
 * MurmurHash3 x64 128-bit, seed 0, of which UnixFS HAMT shards use the first 64 bits ({@code murmur3-x64-64},
 * multicodec 0x22): Kubo takes {@code h1} of the 128-bit result and reads it big-endian, eight bits per level of the
 * shard tree.
 */
final class Murmur3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Murmur3() {}

  /** {@code h1} of MurmurHash3_x64_128(data, seed 0) as 8 big-endian bytes: the HAMT's hash of a name. */
  static byte[] x64Hash64(byte[] data) {
    long h1 = x64Hash128(data)[0];
    byte[] bytes = new byte[8];
    for (int index = 0; index < 8; index++) {
      bytes[index] = (byte) (h1 >>> (56 - 8 * index));
    }
    return bytes;
  }

  /** MurmurHash3_x64_128 with seed 0: {@code {h1, h2}}. */
  static long[] x64Hash128(byte[] data) {
    long h1 = 0;
    long h2 = 0;
    int blocks = data.length / 16;
    for (int block = 0; block < blocks; block++) {
      long k1 = littleEndianLong(data, block * 16);
      long k2 = littleEndianLong(data, block * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    int remaining = data.length - tail;
    long k1 = 0;
    long k2 = 0;
    for (int index = remaining - 1; index >= 8; index--) {
      k2 ^= (long) (data[tail + index] & 0xFF) << (8 * (index - 8));
    }
    for (int index = Math.min(remaining, 8) - 1; index >= 0; index--) {
      k1 ^= (long) (data[tail + index] & 0xFF) << (8 * index);
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
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    return k1 * C2;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    return k2 * C1;
  }

  private static long finalMix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long littleEndianLong(byte[] data, int offset) {
    long value = 0;
    for (int index = 7; index >= 0; index--) {
      value = (value << 8) | (data[offset + index] & 0xFF);
    }
    return value;
  }
}
