package io.citrate.vm.internal.evm;

import java.math.BigInteger;

/**
 * 256-bit word arithmetic on four 64-bit limbs stored in a {@code long[]}, least significant limb first, so the
 * interpreter computes in place on its stack. Each method names words by the index of their lowest limb; the
 * result may alias an operand. Additive, bitwise and multiplicative operations allocate nothing; division-like ones
 * (DIV, MOD, ADDMOD, MULMOD and the signed ones) use small scratch arrays for Knuth's long division, and EXP one
 * three-word scratch. {@link BigInteger} conversions are for tests and tools.
 */
public final class Words {
  private static final BigInteger MASK_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Words() {}

  public static boolean isZero(long[] w, int i) {
    return (w[i] | w[i + 1] | w[i + 2] | w[i + 3]) == 0;
  }

  /** Whether the word fits in 63 bits, so its lowest limb is its exact, non-negative value. */
  public static boolean fitsLong(long[] w, int i) {
    return (w[i + 1] | w[i + 2] | w[i + 3]) == 0 && w[i] >= 0;
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
    if (isZero(w, b) || compareUnsigned(w, a, b) < 0) {
      setZero(w, r);
    } else if (isSmall(w, a)) {
      setLong(w, r, Long.divideUnsigned(w[a], w[b]));
    } else {
      int[] quotient = new int[DIGITS + 1];
      divide(digits(w, a), DIGITS, w, b, quotient);
      fromDigits(quotient, w, r);
    }
  }

  public static void mod(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
    } else if (compareUnsigned(w, a, b) < 0) {
      copy(w, a, w, r);
    } else if (isSmall(w, a)) {
      setLong(w, r, Long.remainderUnsigned(w[a], w[b]));
    } else {
      fromDigits(divide(digits(w, a), DIGITS, w, b, null), w, r);
    }
  }

  public static void sdiv(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
      return;
    }
    boolean negative = (w[a + 3] < 0) != (w[b + 3] < 0);
    long[] t = absolutePair(w, a, b);
    div(t, 0, 4, 0);
    if (negative) {
      negate(t, 0);
    }
    copy(t, 0, w, r);
  }

  public static void smod(long[] w, int a, int b, int r) {
    if (isZero(w, b)) {
      setZero(w, r);
      return;
    }
    boolean negative = w[a + 3] < 0;
    long[] t = absolutePair(w, a, b);
    mod(t, 0, 4, 0);
    if (negative) {
      negate(t, 0);
    }
    copy(t, 0, w, r);
  }

  public static void addMod(long[] w, int a, int b, int n, int r) {
    if (isZero(w, n)) {
      setZero(w, r);
      return;
    }
    int[] sum = new int[DIGITS + 1];
    long carry = 0;
    for (int k = 0; k < 4; k++) {
      long x = w[a + k];
      long y = w[b + k];
      long low = (x & DIGIT_MASK) + (y & DIGIT_MASK) + carry;
      long high = (x >>> 32) + (y >>> 32) + (low >>> 32);
      sum[2 * k] = (int) low;
      sum[2 * k + 1] = (int) high;
      carry = high >>> 32;
    }
    sum[DIGITS] = (int) carry;
    fromDigits(divide(sum, DIGITS + 1, w, n, null), w, r);
  }

  public static void mulMod(long[] w, int a, int b, int n, int r) {
    if (isZero(w, n)) {
      setZero(w, r);
      return;
    }
    int[] x = digits(w, a);
    int[] y = digits(w, b);
    int[] product = new int[2 * DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      long carry = 0;
      long xi = x[i] & DIGIT_MASK;
      if (xi == 0) {
        continue;
      }
      for (int j = 0; j < DIGITS; j++) {
        long t = xi * (y[j] & DIGIT_MASK) + (product[i + j] & DIGIT_MASK) + carry;
        product[i + j] = (int) t;
        carry = t >>> 32;
      }
      product[i + DIGITS] = (int) carry;
    }
    fromDigits(divide(product, 2 * DIGITS, w, n, null), w, r);
  }

  /** Square and multiply over the exponent's bits, in a scratch of three words: result, base, exponent. */
  public static void exp(long[] w, int base, int exponent, int r) {
    long[] t = new long[12];
    setLong(t, 0, 1);
    copy(w, base, t, 4);
    copy(w, exponent, t, 8);
    int bits = 256 - numberOfLeadingZeros(t, 8);
    for (int bit = 0; bit < bits; bit++) {
      if (((t[8 + (bit >>> 6)] >>> (bit & 63)) & 1) != 0) {
        mul(t, 0, 4, 0);
      }
      if (bit + 1 < bits) {
        mul(t, 4, 4, 4);
      }
    }
    copy(t, 0, w, r);
  }

  private static final int DIGITS = 8;
  private static final long DIGIT_MASK = 0xffffffffL;

  private static int numberOfLeadingZeros(long[] w, int i) {
    for (int k = 3; k >= 0; k--) {
      if (w[i + k] != 0) {
        return (3 - k) * 64 + Long.numberOfLeadingZeros(w[i + k]);
      }
    }
    return 256;
  }

  /** The word as eight 32-bit digits, least significant first. */
  private static int[] digits(long[] w, int i) {
    int[] digits = new int[DIGITS];
    for (int k = 0; k < 4; k++) {
      digits[2 * k] = (int) w[i + k];
      digits[2 * k + 1] = (int) (w[i + k] >>> 32);
    }
    return digits;
  }

  private static void fromDigits(int[] digits, long[] w, int r) {
    for (int k = 0; k < 4; k++) {
      long low = 2 * k < digits.length ? digits[2 * k] & DIGIT_MASK : 0;
      long high = 2 * k + 1 < digits.length ? digits[2 * k + 1] & DIGIT_MASK : 0;
      w[r + k] = (high << 32) | low;
    }
  }

  /**
   * Divides the {@code m}-digit number {@code u} by the non-zero word at {@code divisor}; writes the quotient into
   * {@code quotient} when given and returns the remainder's digits.
   */
  private static int[] divide(int[] u, int m, long[] w, int divisor, int[] quotient) {
    int[] v = digits(w, divisor);
    int n = LongDivision.length(v, DIGITS);
    int length = LongDivision.length(u, m);
    int[] remainder = new int[DIGITS];
    if (length < n) {
      System.arraycopy(u, 0, remainder, 0, Math.min(length, DIGITS));
      return remainder;
    }
    LongDivision.divide(u, length, v, n, quotient, remainder);
    return remainder;
  }

  /** |a| and |b| (two's complement) in a fresh two-word scratch. */
  private static long[] absolutePair(long[] w, int a, int b) {
    long[] t = new long[8];
    copy(w, a, t, 0);
    copy(w, b, t, 4);
    if (t[3] < 0) {
      negate(t, 0);
    }
    if (t[7] < 0) {
      negate(t, 4);
    }
    return t;
  }

  private static void negate(long[] w, int i) {
    not(w, i);
    long carry = 1;
    for (int k = 0; k < 4 && carry != 0; k++) {
      w[i + k] += 1;
      carry = w[i + k] == 0 ? 1 : 0;
    }
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

  /**
   * Reads up to 32 big-endian bytes from {@code in[offset, offset+length)} as a word; bytes past the end read as
   * zero.
   */
  public static void fromBytes(byte[] in, int offset, int length, long[] w, int r) {
    if (offset + length <= in.length && offset >= 0) {
      // Whole limbs from the end of the range backwards, the top limb taking what is left.
      int end = offset + length;
      for (int k = 0; k < 4; k++) {
        int limbEnd = end - 8 * k;
        int limbStart = Math.max(offset, limbEnd - 8);
        long limb = 0;
        for (int j = limbStart; j < limbEnd; j++) {
          limb = (limb << 8) | (in[j] & 0xffL);
        }
        w[r + k] = limb;
      }
      return;
    }
    long l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    for (int j = 0; j < length; j++) {
      int src = offset + j;
      long b = src >= 0 && src < in.length ? in[src] & 0xffL : 0;
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
