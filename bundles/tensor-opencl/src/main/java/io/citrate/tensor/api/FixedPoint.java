package io.citrate.tensor.api;

/**
 * The arithmetic of {@link NumericMode#EXACT}, on the host. Every backend's kernels implement these same rules,
 * so the definitions here are the specification:
 *
 * <ul>
 *   <li>{@link DType#Q16_16}: raw int32, value {@code raw / 2^16}.
 *   <li>Rounding is to nearest, ties to even ({@link #roundShift}, {@link #divideRounded}).
 *   <li>Results that do not fit their type saturate to its least or greatest value ({@link #saturate}).
 *   <li>Sums of products (MatMul, Gemm, convolutions, pooling, reductions) accumulate in 64-bit two's
 *       complement that wraps on overflow; since wrapping addition is associative, the order in which a device
 *       sums does not change the result. The sum is then rounded once and saturated.
 *   <li>Division by zero saturates by the sign of the dividend (0 / 0 = 0).
 *   <li>Converting a real: NaN and infinities are refused, -0.0 becomes 0, the rest rounds and saturates.
 * </ul>
 */
public final class FixedPoint {
  public static final int FRACTION_BITS = 16;
  public static final int ONE = 1 << FRACTION_BITS;

  private FixedPoint() {}

  /** The Q16.16 raw value nearest {@code value} (ties to even), saturated. */
  public static int fromDouble(double value) {
    if (!Double.isFinite(value)) {
      throw new TensorException(TensorException.Kind.NOT_FINITE, "EXACT mode takes finite values, not " + value);
    }
    double scaled = Math.rint(value * ONE);
    if (scaled >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    if (scaled <= Integer.MIN_VALUE) {
      return Integer.MIN_VALUE;
    }
    return (int) scaled;
  }

  public static double toDouble(int raw) {
    return raw / (double) ONE;
  }

  public static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  /** {@code value / 2^shift} rounded to nearest, ties to even; {@code shift} in [0, 62]. */
  public static long roundShift(long value, int shift) {
    if (shift == 0) {
      return value;
    }
    long quotient = value >> shift;
    long remainder = value - (quotient << shift);
    long half = 1L << (shift - 1);
    if (remainder > half || (remainder == half && (quotient & 1) != 0)) {
      quotient++;
    }
    return quotient;
  }

  /** {@code dividend / divisor} rounded to nearest, ties to even; divisor must not be 0. */
  public static long divideRounded(long dividend, long divisor) {
    long quotient = dividend / divisor;
    long remainder = Math.abs(dividend % divisor);
    long rest = Math.abs(divisor) - remainder;
    if (remainder > rest || (remainder == rest && (quotient & 1) != 0)) {
      quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
    }
    return quotient;
  }

  /** Q16.16 product, rounded and saturated. */
  public static int multiply(int a, int b) {
    return saturate(roundShift((long) a * b, FRACTION_BITS));
  }

  /** Q16.16 quotient, rounded and saturated; by zero it saturates by the dividend's sign. */
  public static int divide(int a, int b) {
    if (b == 0) {
      return a > 0 ? Integer.MAX_VALUE : a < 0 ? Integer.MIN_VALUE : 0;
    }
    return saturate(divideRounded((long) a << FRACTION_BITS, b));
  }
}
