package io.citrate.consensus.internal.ghostdag;

import java.math.BigInteger;

/** Kaspa's block work from compact difficulty bits, for replaying its headers (FORMAT.md, family B). */
final class DifficultyBits {
  private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);

  private DifficultyBits() {}

  /** floor(2^256 / (target + 1)), the target decoded Bitcoin-style from {@code bits}. */
  static BigInteger work(long bits) {
    return TWO_POW_256.divide(target(bits).add(BigInteger.ONE));
  }

  static BigInteger target(long bits) {
    int exponent = (int) (bits >>> 24) & 0xff;
    long mantissa = bits & 0xffffff;
    if (mantissa > 0x7fffff) {
      return BigInteger.ZERO;
    }
    BigInteger value = BigInteger.valueOf(mantissa);
    return exponent <= 3 ? value.shiftRight(8 * (3 - exponent)) : value.shiftLeft(8 * (exponent - 3));
  }
}
