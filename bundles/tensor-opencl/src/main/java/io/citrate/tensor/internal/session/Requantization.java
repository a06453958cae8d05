package io.citrate.tensor.internal.session;

import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry;
import io.citrate.tensor.internal.kernel.Kernels;

/**
 * Per-channel factors from INT32 sums to an 8-bit output: float multipliers for FAST, or fixed multipliers and
 * shifts for EXACT.
 */
record Requantization(float[] floatMultipliers, int[] multipliers, int[] shifts) {

  static Requantization floating(float[] multipliers) {
    return new Requantization(multipliers, null, null);
  }

  /** Each factor as a {@link FixedMultiplier}. */
  static Requantization fixed(double[] factors) {
    int[] multipliers = new int[factors.length];
    int[] shifts = new int[factors.length];
    for (int c = 0; c < factors.length; c++) {
      FixedMultiplier fixed = FixedMultiplier.of(factors[c]);
      multipliers[c] = fixed.multiplier();
      shifts[c] = fixed.shift();
    }
    return new Requantization(null, multipliers, shifts);
  }

  void apply(Kernels kernels, DeviceBuffer in, DeviceBuffer out, Geometry.Channels geometry, int[] outZero) {
    if (floatMultipliers != null) {
      kernels.requantizeFloat(in, out, geometry, floatMultipliers, outZero);
    } else {
      kernels.requantizeFixed(in, out, geometry, new int[] {0}, multipliers, shifts, outZero);
    }
  }
}
