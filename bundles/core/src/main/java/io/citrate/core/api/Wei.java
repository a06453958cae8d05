package io.citrate.core.api;

import java.math.BigInteger;

/**
 * An amount of the native token in its smallest unit: an unsigned 256-bit integer, as the EVM holds
 * balances. One SALT is 10^18 wei. Immutable; arithmetic that would leave the range fails instead of
 * wrapping, so an overflow can never mint or destroy value.
 */
public final class Wei implements Comparable<Wei> {
  /** Wei per SALT (18 decimals). */
  public static final BigInteger WEI_PER_SALT = BigInteger.TEN.pow(18);
  /** Wei per gwei (9 decimals), the usual unit for gas prices. */
  public static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);
  /** Largest representable amount, 2^256 - 1. */
  public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  public static final Wei ZERO = new Wei(BigInteger.ZERO);
  public static final Wei ONE = new Wei(BigInteger.ONE);
  public static final Wei MAX_WEI = new Wei(MAX_VALUE);

  private final BigInteger value;

  private Wei(BigInteger value) {
    this.value = value;
  }

  /** @throws IllegalArgumentException if {@code value} is negative */
  public static Wei of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("wei amounts are unsigned, got " + value);
    }
    return value == 0 ? ZERO : new Wei(BigInteger.valueOf(value));
  }

  /** @throws IllegalArgumentException if {@code value} is negative or not below 2^256 */
  public static Wei of(BigInteger value) {
    checkRange(value, "wei amount");
    return value.signum() == 0 ? ZERO : new Wei(value);
  }

  /** Interprets up to 32 bytes as a big-endian unsigned integer (leading zeros allowed). */
  public static Wei fromBytes(byte[] bigEndian) {
    if (bigEndian.length > 32) {
      throw new IllegalArgumentException("a wei amount is at most 32 bytes, got " + bigEndian.length);
    }
    return of(new BigInteger(1, bigEndian));
  }

  /**
   * Parses a hex quantity as JSON-RPC writes it ({@code 0x} then digits, e.g. {@code 0x1bc16d674ec80000}).
   *
   * @throws IllegalArgumentException if it is not hex or not below 2^256
   */
  public static Wei fromHexString(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("empty hex quantity: " + hex);
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Bytes.hexDigit(digits.charAt(i)) < 0) {
        throw new IllegalArgumentException("not a hex quantity: " + Bytes.abbreviate(hex));
      }
    }
    if (digits.length() > 64 && new BigInteger(digits, 16).bitLength() > 256) {
      throw new IllegalArgumentException("wei amount exceeds 2^256 - 1: " + Bytes.abbreviate(hex));
    }
    return of(new BigInteger(digits, 16));
  }

  /** {@code salt} whole SALT, i.e. salt * 10^18 wei. */
  public static Wei ofSalt(long salt) {
    if (salt < 0) {
      throw new IllegalArgumentException("SALT amounts are unsigned, got " + salt);
    }
    return of(BigInteger.valueOf(salt).multiply(WEI_PER_SALT));
  }

  /** {@code gwei} gwei, i.e. gwei * 10^9 wei. */
  public static Wei ofGwei(long gwei) {
    if (gwei < 0) {
      throw new IllegalArgumentException("gwei amounts are unsigned, got " + gwei);
    }
    return of(BigInteger.valueOf(gwei).multiply(WEI_PER_GWEI));
  }

  /** @throws ArithmeticException if the sum is not below 2^256 */
  public Wei add(Wei other) {
    BigInteger sum = value.add(other.value);
    if (sum.bitLength() > 256) {
      throw new ArithmeticException("wei overflow: " + this + " + " + other + " exceeds 2^256 - 1");
    }
    return new Wei(sum);
  }

  /** @throws ArithmeticException if {@code other} is larger than this amount */
  public Wei subtract(Wei other) {
    if (value.compareTo(other.value) < 0) {
      throw new ArithmeticException("wei underflow: " + this + " - " + other + " is negative");
    }
    return of(value.subtract(other.value));
  }

  /** @throws ArithmeticException if the product is not below 2^256 */
  public Wei multiply(Wei other) {
    return multiplyChecked(other.value);
  }

  /**
   * Multiplies by a non-negative factor, typically a gas amount.
   *
   * @throws IllegalArgumentException if {@code factor} is negative
   * @throws ArithmeticException if the product is not below 2^256
   */
  public Wei multiply(long factor) {
    if (factor < 0) {
      throw new IllegalArgumentException("wei factor must not be negative, got " + factor);
    }
    return multiplyChecked(BigInteger.valueOf(factor));
  }

  private Wei multiplyChecked(BigInteger factor) {
    BigInteger product = value.multiply(factor);
    if (product.bitLength() > 256) {
      throw new ArithmeticException("wei overflow: " + this + " * " + factor + " exceeds 2^256 - 1");
    }
    return of(product);
  }

  public Wei min(Wei other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Wei max(Wei other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public boolean greaterThan(Wei other) {
    return compareTo(other) > 0;
  }

  public boolean lessThan(Wei other) {
    return compareTo(other) < 0;
  }

  public BigInteger toBigInteger() {
    return value;
  }

  /** @throws ArithmeticException if the amount does not fit in a {@code long} */
  public long toLongExact() {
    return value.longValueExact();
  }

  /** Big-endian bytes without leading zeros (zero is the empty array), as RLP stores integers. */
  public byte[] toMinimalBytes() {
    if (value.signum() == 0) {
      return Bytes.EMPTY;
    }
    return Bytes.trimLeadingZeros(value.toByteArray());
  }

  /** The 32-byte big-endian word, as the EVM stores it. */
  public byte[] toBytes32() {
    return Bytes.leftPad(toMinimalBytes(), 32);
  }

  /** Hex quantity without leading zeros, as JSON-RPC writes it: {@code 0x0}, {@code 0x1bc16d674ec80000}. */
  public String toHexString() {
    return "0x" + value.toString(16);
  }

  private static void checkRange(BigInteger value, String what) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    if (value.bitLength() > 256) {
      throw new IllegalArgumentException(what + " exceeds 2^256 - 1: " + value);
    }
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Wei w && value.equals(w.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The decimal amount in wei. */
  @Override
  public String toString() {
    return value.toString();
  }
}
