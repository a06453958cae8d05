package io.citrate.vm.internal.evm;

/**
 * Unsigned long division of multi-digit numbers (Knuth, TAOCP vol. 2, 4.3.1, algorithm D, as laid out in Hacker's
 * Delight's {@code divmnu}). Digits are 32-bit, least significant first, held in {@code int[]}; intermediate
 * products use 64-bit arithmetic compared unsigned.
 */
final class LongDivision {
  private static final long DIGIT_MASK = 0xffffffffL;
  private static final long BASE = 1L << 32;

  private LongDivision() {}

  /** Number of significant digits of {@code x}, ignoring leading zero digits. */
  static int length(int[] x, int max) {
    int n = max;
    while (n > 0 && x[n - 1] == 0) {
      n--;
    }
    return n;
  }

  /**
   * Divides {@code u} ({@code m} digits) by {@code v} ({@code n} digits, top digit non-zero, {@code m >= n}),
   * writing the quotient's {@code m - n + 1} digits into {@code q} when it is not null and the remainder's {@code n}
   * digits into {@code r}.
   */
  static void divide(int[] u, int m, int[] v, int n, int[] q, int[] r) {
    if (n == 1) {
      long divisor = v[0] & DIGIT_MASK;
      long k = 0;
      for (int j = m - 1; j >= 0; j--) {
        long dividend = (k << 32) | (u[j] & DIGIT_MASK);
        long digit = Long.divideUnsigned(dividend, divisor);
        if (q != null) {
          q[j] = (int) digit;
        }
        k = dividend - digit * divisor;
      }
      r[0] = (int) k;
      return;
    }
    int s = Integer.numberOfLeadingZeros(v[n - 1]);
    // Normalise so the divisor's top digit has its high bit set; the quotient digit estimate is then off by at most 2.
    long[] vn = new long[n];
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (((v[i] & DIGIT_MASK) << s) | ((v[i - 1] & DIGIT_MASK) >>> (32 - s))) & DIGIT_MASK;
    }
    vn[0] = ((v[0] & DIGIT_MASK) << s) & DIGIT_MASK;
    long[] un = new long[m + 1];
    un[m] = (u[m - 1] & DIGIT_MASK) >>> (32 - s);
    for (int i = m - 1; i > 0; i--) {
      un[i] = (((u[i] & DIGIT_MASK) << s) | ((u[i - 1] & DIGIT_MASK) >>> (32 - s))) & DIGIT_MASK;
    }
    un[0] = ((u[0] & DIGIT_MASK) << s) & DIGIT_MASK;

    for (int j = m - n; j >= 0; j--) {
      long numerator = (un[j + n] << 32) | un[j + n - 1];
      long qhat = Long.divideUnsigned(numerator, vn[n - 1]);
      long rhat = numerator - qhat * vn[n - 1];
      while (Long.compareUnsigned(qhat, BASE) >= 0
          || Long.compareUnsigned(qhat * vn[n - 2], (rhat << 32) | un[j + n - 2]) > 0) {
        qhat--;
        rhat += vn[n - 1];
        if (Long.compareUnsigned(rhat, BASE) >= 0) {
          break;
        }
      }
      long k = 0;
      long t;
      for (int i = 0; i < n; i++) {
        long p = qhat * vn[i];
        t = un[i + j] - k - (p & DIGIT_MASK);
        un[i + j] = t & DIGIT_MASK;
        k = (p >>> 32) - (t >> 32);
      }
      t = un[j + n] - k;
      un[j + n] = t & DIGIT_MASK;
      if (t < 0) {
        // The estimate was one too large: add the divisor back.
        qhat--;
        k = 0;
        for (int i = 0; i < n; i++) {
          t = un[i + j] + vn[i] + k;
          un[i + j] = t & DIGIT_MASK;
          k = t >>> 32;
        }
        un[j + n] = (un[j + n] + k) & DIGIT_MASK;
      }
      if (q != null) {
        q[j] = (int) qhat;
      }
    }
    for (int i = 0; i < n - 1; i++) {
      // With s = 0 the shifted-in digit lands above bit 31 and the cast drops it.
      r[i] = (int) ((un[i] >>> s) | (un[i + 1] << (32 - s)));
    }
    r[n - 1] = (int) (un[n - 1] >>> s);
  }
}
