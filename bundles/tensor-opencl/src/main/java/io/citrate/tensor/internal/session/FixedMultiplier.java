package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;

/**
 * A real factor as {@code multiplier / 2^shift} for EXACT requantization: the largest shift in [0, 62] that
 * keeps {@code |multiplier| < 2^31}, with {@code multiplier = rint(real * 2^shift)}. Pure double arithmetic
 * (scalb is exact), so every node derives the same pair from the same real.
 */
record FixedMultiplier(int multiplier, int shift) {
  static final int MAX_SHIFT = 62;
  private static final double LIMIT = 0x1p31;

  static FixedMultiplier of(double real) {
    if (!Double.isFinite(real)) {
      throw new TensorException(Kind.NOT_FINITE, "a requantization factor must be finite, not " + real);
    }
    if (real == 0) {
      return new FixedMultiplier(0, 0);
    }
    for (int shift = MAX_SHIFT; shift >= 0; shift--) {
      double scaled = Math.rint(Math.scalb(real, shift));
      if (Math.abs(scaled) < LIMIT) {
        return new FixedMultiplier((int) scaled, shift);
      }
    }
    throw new TensorException(Kind.INVALID_ARGUMENT, "the factor " + real
        + " is too large for a 32-bit multiplier");
  }

  /** The real this pair stands for. */
  double value() {
    return Math.scalb((double) multiplier, -shift);
  }
}
