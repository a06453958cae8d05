package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;

/**
 * Scalar attributes converted on the host into the representation kernels take for a type, so every node
 * passes the same numbers: floats as they are, Q16_16 raw values by {@link FixedPoint#fromDouble}, integers
 * exactly.
 */
final class HostParameters {
  private HostParameters() {}

  /**
   * Clip's bounds for the type: for integer types rounded toward the inside of [min, max] (min up, max down)
   * and clamped to the type; for Q16_16 converted by fromDouble, an infinite side becoming the type's extreme.
   */
  static double[] clipBounds(DType dtype, double min, double max) {
    if (Double.isNaN(min) || Double.isNaN(max)) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "clip bounds must not be NaN");
    }
    return switch (dtype) {
      case FLOAT32 -> new double[] {(float) min, (float) max};
      case Q16_16 -> new double[] {fixedOrExtreme(min), fixedOrExtreme(max)};
      default -> new double[] {clampToType(Math.ceil(min), dtype), clampToType(Math.floor(max), dtype)};
    };
  }

  /** LeakyRelu's slope for FLOAT32 or Q16_16 (raw). */
  static double leakyReluAlpha(DType dtype, float alpha) {
    if (!Float.isFinite(alpha)) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "leakyRelu alpha must be finite, not " + alpha);
    }
    return dtype == DType.Q16_16 ? FixedPoint.fromDouble(alpha) : alpha;
  }

  private static double fixedOrExtreme(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return Integer.MAX_VALUE;
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return Integer.MIN_VALUE;
    }
    return FixedPoint.fromDouble(value);
  }

  private static double clampToType(double value, DType dtype) {
    return Math.max(dtype.minValue(), Math.min(dtype.maxValue(), value));
  }
}
