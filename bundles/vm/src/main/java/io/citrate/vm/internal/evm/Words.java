package io.citrate.vm.internal.evm;

import java.math.BigInteger;

/**
 * 256-bit word arithmetic on four 64-bit limbs stored in a {@code long[]}, least significant limb first, so the
 * interpreter computes in place on its stack without allocating. Each method names words by the index of their
 * lowest limb; the result may alias an operand. Division-like operations (DIV, MOD, ADDMOD, MULMOD, EXP and the
 * signed ones) take a 64-bit fast path and fall back to {@link BigInteger} for wider operands.
 */
public final class Words {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK_256 = TWO_256.subtract(BigInteger.ONE);

  private Words() {}

  public static boolean isZero(long[] w, int i) {
    return (w[i] | w[i + 1] | w[i + 2] | w[i + 3]) == 0;
  }

  /** Whether the word fits in 63 bits, so {@link #toLong} is exact and non-negative. */
  public static boolean fitsLong(long[] w, int i) {
    return (w[i + 1] | w[i + 2] | w[i + 3]) == 0 && w[i] >= 0;
  }

  public static long toLong(long[] w, int i) {
    return w[i];
  }

  /** The word as a non-negative long, or {@link Long#MAX_VALUE} when it does not fit: for offsets and sizes. */
  public static long clampedToLong(long[] w, int i) {
    return fitsLong(w, i) ? w[i] : Long.MAX_VALUE;
  }

  public static void setLong(long[] w, int i, long value) {
    w[i] = value;
    w[i + 1] = 0;
    w[i + 2] = 0;
    w[i + 3] = 0;
  }

  public static void setZero(long[] w, int i) {
    setLong(w, i, 0);
  }

  public static void copy(long[] from, int f, long[] to, int t) {
    to[t] = from[f];
    to[t + 1] = from[f + 1];
    to[t + 2] = from[f + 2];
    to[t + 3] = from[f + 3];
  }

  public static void add(long[] w, int a, int b, int r) {
    long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
    long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
    long r0 = a0 + b0;
    long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
    long r1 = a1 + b1 + c;
    c = c == 0 ? (Long.compareUnsigned(r1, a1) < 0 ? 1 : 0) : (Long.compareUnsigned(r1, a1) <= 0 ? 1 : 0);
    long r2 = a2 + b2 + c;
    c = c == 0 ? (Long.compareUnsigned(r2, a2) < 0 ? 1 : 0) : (Long.compareUnsigned(r2, a2) <= 0 ? 1 : 0);
    w[r] = r0;
    w[r + 1] = r1;
    w[r + 2] = r2;
    w[r + 3] = a3 + b3 + c;
  }

  public static void sub(long[] w, int a, int b, int r) {
    long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
    long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
    long r0 = a0 - b0;
    long borrow = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long r1 = a1 - b1 - borrow;
    borrow = borrow == 0 ? (Long.compareUnsigned(a1, b1) < 0 ? 1 : 0) : (Long.compareUnsigned(a1, b1) <= 0 ? 1 : 0);
    long r2 = a2 - b2 - borrow;
    borrow = borrow == 0 ? (Long.compareUnsigned(a2, b2) < 0 ? 1 : 0) : (Long.compareUnsigned(a2, b2) <= 0 ? 1 : 0);
    w[r] = r0;
    w[r + 1] = r1;
    w[r + 2] = r2;
    w[r + 3] = a3 - b3 - borrow;
  }

  /** The low 256 bits of a * b, schoolbook over limbs, rows of partial products added with carries. */
  public static void mul(long[] w, int a, int b, int r) {
    long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
    long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
    long lo;
    long t;
    long c;
    long r0 = a0 * b0;
    c = unsignedMultiplyHigh(a0, b0);
    lo = a0 * b1;
    long r1 = lo + c;
    c = unsignedMultiplyHigh(a0, b1) + carry(r1, lo);
    lo = a0 * b2;
    long r2 = lo + c;
    c = unsignedMultiplyHigh(a0, b2) + carry(r2, lo);
    long r3 = a0 * b3 + c;

    lo = a1 * b0;
    t = r1 + lo;
    c = unsignedMultiplyHigh(a1, b0) + carry(t, lo);
    r1 = t;
    lo = a1 * b1;
    t = r2 + lo;
    long c1 = carry(t, lo);
    long t2 = t + c;
    c1 += carry(t2, c);
    r2 = t2;
    r3 += a1 * b2 + unsignedMultiplyHigh(a1, b1) + c1;

    lo = a2 * b0;
    t = r2 + lo;
    c = unsignedMultiplyHigh(a2, b0) + carry(t, lo);
    r2 = t;
    r3 += a2 * b1 + c + a3 * b0;

    w[r] = r0;
    w[r + 1] = r1;
    w[r + 2] = r2;
    w[r + 3] = r3;
  }

  /** 1 when {@code sum = x + addend} wrapped around 2^64. */
  private static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  public static int compareUnsigned(long[] w, int a, int b) {
    for (int k = 3; k >= 0; k--) {
      int c = Long.compareUnsigned(w[a + k], w[b + k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  public static int compareSigned(long[] w, int a, int b) {
    int c = Long.compare(w[a + 3], w[b + 3]);
    if (c != 0) {
      return c;
    }
    for (int k = 2; k >= 0; k--) {
      c = Long.compareUnsigned(w[a + k], w[b + k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  public static boolean equal(long[] w, int a, int b) {
    return w[a] == w[b] && w[a + 1] == w[b + 1] && w[a + 2] == w[b + 2] && w[a + 3] == w[b + 3];
  }

  public static void and(long[] w, int a, int b, int r) {
    for (int k = 0; k < 4; k++) {
      w[r + k] = w[a + k] & w[b + k];
    }
  }

  public static void or(long[] w, int a, int b, int r) {
    for (int k = 0; k < 4; k++) {
      w[r + k] = w[a + k] | w[b + k];
    }
  }

  public static void xor(long[] w, int a, int b, int r) {
    for (int k = 0; k < 4; k++) {
      w[r + k] = w[a + k] ^ w[b + k];
    }
  }

  public static void not(long[] w, int a) {
    for (int k = 0; k < 4; k++) {
      w[a + k] = ~w[a + k];
    }
  }

  /** BYTE: the byte of {@code value} at big-endian position {@code index}, or 0 past 31. */
  public static void byteAt(long[] w, int index, int value, int r) {
    long result = 0;
    if (fitsLong(w, index) && w[index] < 32) {
      int bitFromTop = (int) w[index] * 8;
      int fromBottom = 248 - bitFromTop;
      result = (w[value + (fromBottom >>> 6)] >>> (fromBottom & 63)) & 0xff;
    }
    setLong(w, r, result);
  }

  /** SHL: value << shift, in place at {@code value}. */
  public static void shiftLeft(long[] w, int value, long shift) {
    if (shift >= 256) {
      setZero(w, value);
      return;
    }
    int limbs = (int) (shift >>> 6);
    int bits = (int) (shift & 63);
    for (int k = 3; k >= 0; k--) {
      int src = k - limbs;
      long v = src >= 0 ? w[value + src] << bits : 0;
      if (bits != 0 && src - 1 >= 0) {
        v |= w[value + src - 1] >>> (64 - bits);
      }
      w[value + k] = v;
    }
  }

  /** SHR (logical) or SAR (arithmetic) in place at {@code value}. */
  public static void shiftRight(long[] w, int value, long shift, boolean arithmetic) {
    long fill = arithmetic && w[value + 3] < 0 ? -1L : 0L;
    if (shift >= 256) {
      for (int k = 0; k < 4; k++) {
        w[value + k] = fill;
      }
      return;
    }
    int limbs = (int) (shift >>> 6);
    int bits = (int) (shift & 63);
    // Ascending, so each source limb is read before it is overwritten.
    for (int k = 0; k < 4; k++) {
      int src = k + limbs;
      long low = src <= 3 ? w[value + src] : fill;
      if (bits == 0) {
        w[value + k] = low;
      } else {
        long high = src + 1 <= 3 ? w[value + src + 1] : fill;
        w[value + k] = (low >>> bits) | (high << (64 - bits));
      }
    }
  }

  /** SIGNEXTEND: extends the sign bit of byte {@code byteIndex} (from the right) of {@code value}, result at r. */
  public static void signExtend(long[] w, int byteIndex, int value, int r) {
    if (!fitsLong(w, byteIndex) || w[byteIndex] >= 31) {
      copy(w, value, w, r);
      return;
    }
    int signBit = (int) w[byteIndex] * 8 + 7;
    int limb = signBit >>> 6;
    int bit = signBit & 63;
    boolean negative = ((w[value + limb] >>> bit) & 1) != 0;
    long fill = negative ? -1L : 0L;
    long keepMask = bit == 63 ? -1L : (1L << (bit + 1)) - 1;
    long v0 = w[value], v1 = w[value + 1], v2 = w[value + 2], v3 = w[value + 3];
    for (int k = 0; k < 4; k++) {
      long v = k == 0 ? v0 : k == 1 ? v1 : k == 2 ? v2 : v3;
      if (k == limb) {
        v = (v & keepMask) | (fill & ~keepMask);
      } else if (k > limb) {
        v = fill;
      }
      w[r + k] = v;
    }
  }

  public static void div(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
    } else if (isSmall(w, a) && isSmall(w, b)) {
      setLong(w, r, Long.divideUnsigned(w[a], w[b]));
    } else {
      fromBigInteger(toBigInteger(w, a).divide(toBigInteger(w, b)), w, r);
    }
  }

  public static void mod(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
    } else if (isSmall(w, a) && isSmall(w, b)) {
      setLong(w, r, Long.remainderUnsigned(w[a], w[b]));
    } else {
      fromBigInteger(toBigInteger(w, a).mod(toBigInteger(w, b)), w, r);
    }
  }

  public static void sdiv(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
      return;
    }
    // BigInteger division truncates toward zero, as SDIV does; -2^255 / -1 wraps back to -2^255.
    fromBigInteger(toSignedBigInteger(w, a).divide(toSignedBigInteger(w, b)), w, r);
  }

  public static void smod(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
      return;
    }
    // The result takes the sign of the dividend, as BigInteger.remainder does.
    fromBigInteger(toSignedBigInteger(w, a).remainder(toSignedBigInteger(w, b)), w, r);
  }

  public static void addMod(long[] w, int a, int b, int n, int r) {
    if (isZero(w, n)) {
      setZero(w, r);
      return;
    }
    fromBigInteger(toBigInteger(w, a).add(toBigInteger(w, b)).mod(toBigInteger(w, n)), w, r);
  }

  public static void mulMod(long[] w, int a, int b, int n, int r) {
    if (isZero(w, n)) {
      setZero(w, r);
      return;
    }
    fromBigInteger(toBigInteger(w, a).multiply(toBigInteger(w, b)).mod(toBigInteger(w, n)), w, r);
  }

  public static void exp(long[] w, int base, int exponent, int r) {
    if (isZero(w, exponent)) {
      setLong(w, r, 1);
      return;
    }
    fromBigInteger(toBigInteger(w, base).modPow(toBigInteger(w, exponent), TWO_256), w, r);
  }

  /** Bytes needed to write the word without leading zeros: EXP charges per exponent byte. */
  public static int byteLength(long[] w, int i) {
    for (int k = 3; k >= 0; k--) {
      if (w[i + k] != 0) {
        return k * 8 + (64 - Long.numberOfLeadingZeros(w[i + k]) + 7) / 8;
      }
    }
    return 0;
  }

  private static boolean isSmall(long[] w, int i) {
    return (w[i + 1] | w[i + 2] | w[i + 3]) == 0;
  }

  public static BigInteger toBigInteger(long[] w, int i) {
    byte[] bytes = new byte[33];
    toBytes(w, i, bytes, 1);
    return new BigInteger(bytes);
  }

  private static BigInteger toSignedBigInteger(long[] w, int i) {
    byte[] bytes = new byte[32];
    toBytes(w, i, bytes, 0);
    return new BigInteger(bytes);
  }

  /** Writes {@code value} mod 2^256 (two's complement for negatives) into the word at r. */
  public static void fromBigInteger(BigInteger value, long[] w, int r) {
    BigInteger v = value.and(MASK_256);
    for (int k = 0; k < 4; k++) {
      w[r + k] = v.shiftRight(64 * k).longValue();
    }
  }

  /** Writes the word big-endian into 32 bytes at {@code out[offset]}. */
  public static void toBytes(long[] w, int i, byte[] out, int offset) {
    for (int k = 0; k < 4; k++) {
      long limb = w[i + 3 - k];
      int base = offset + k * 8;
      for (int j = 0; j < 8; j++) {
        out[base + j] = (byte) (limb >>> (56 - 8 * j));
      }
    }
  }

  /** Reads up to 32 big-endian bytes from {@code in[offset, offset+length)} as a word; bytes past the end read as zero. */
  public static void fromBytes(byte[] in, int offset, int length, long[] w, int r) {
    long l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    for (int j = 0; j < length; j++) {
      int src = offset + j;
      long b = src < in.length ? in[src] & 0xffL : 0;
      l3 = (l3 << 8) | (l2 >>> 56);
      l2 = (l2 << 8) | (l1 >>> 56);
      l1 = (l1 << 8) | (l0 >>> 56);
      l0 = (l0 << 8) | b;
    }
    w[r] = l0;
    w[r + 1] = l1;
    w[r + 2] = l2;
    w[r + 3] = l3;
  }
}
