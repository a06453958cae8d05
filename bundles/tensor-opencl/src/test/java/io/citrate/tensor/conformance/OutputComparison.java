package io.citrate.tensor.conformance;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorSession;
import java.util.Arrays;

/**
 * The ONNX backend test runner's rule: shape and type exactly, then {@code |actual - expected| <= 1e-7 + 1e-3 *
 * |expected|} per element with NaN equal to NaN; integers exactly. In EXACT mode a FLOAT expectation is met by
 * Q16_16 compared in raw units with the expected value converted by {@link FixedPoint#fromDouble}, and an
 * integer or raw result one unit off (a rounding tie broken the other way by fixed-point requantization) is
 * counted, not failed.
 */
final class OutputComparison {
  static final double ABSOLUTE_TOLERANCE = 1e-7;
  static final double RELATIVE_TOLERANCE = 1e-3;

  /** The outcome for one output: whether it passed, how many elements were one unit off, and what differed. */
  record Verdict(boolean passed, int oneUnitDifferences, String detail) {}

  private OutputComparison() {}

  /** The type the session must produce for an expected ONNX output; INT64 indices come back as INT32. */
  static DType expectedType(OnnxDataType type, NumericMode mode) {
    return type == OnnxDataType.INT64 ? DType.INT32 : OnnxNodeMapping.apiType(type, mode);
  }

  static Verdict compare(TensorSession session, Tensor actual, OnnxTensor expected) {
    String label = "output '" + expected.name() + "'";
    long[] expectedDims = expected.dims();
    int[] actualDims = actual.shape().dims();
    if (!Arrays.equals(Arrays.stream(actualDims).asLongStream().toArray(), expectedDims)) {
      return new Verdict(false, 0, label + " has shape " + Arrays.toString(actualDims) + ", expected "
          + Arrays.toString(expectedDims));
    }
    DType type = expectedType(expected.dataType(), session.mode());
    if (actual.dtype() != type) {
      return new Verdict(false, 0, label + " is " + actual.dtype() + ", expected " + type + " for ONNX "
          + expected.dataType());
    }
    if (type == DType.FLOAT32) {
      return compareFloats(label, session.readFloats(actual), expected.floats());
    }
    long[] want = type == DType.Q16_16 ? toRaw(expected.floats()) : expected.integers();
    return compareIntegers(label, session.readInts(actual), want, session.mode() == NumericMode.EXACT);
  }

  private static Verdict compareFloats(String label, float[] actual, float[] expected) {
    int mismatches = 0;
    int first = -1;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      if (!close(actual[i], expected[i])) {
        mismatches++;
        if (first < 0) {
          first = i;
        }
        double difference = Math.abs((double) actual[i] - expected[i]);
        worst = Double.isNaN(difference) ? Double.NaN : Math.max(worst, difference);
      }
    }
    if (mismatches == 0) {
      return new Verdict(true, 0, "");
    }
    return new Verdict(false, 0, label + ": " + mismatches + " of " + expected.length
        + " elements outside 1e-7 + 1e-3*|expected|, first at " + first + ": got " + actual[first] + ", expected "
        + expected[first] + "; largest difference " + worst);
  }

  static boolean close(float actual, float expected) {
    if (Float.isNaN(expected) || Float.isNaN(actual)) {
      return Float.isNaN(expected) && Float.isNaN(actual);
    }
    if (actual == expected) {
      return true;
    }
    return Math.abs((double) actual - expected) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected);
  }

  private static Verdict compareIntegers(String label, int[] actual, long[] expected, boolean allowOneUnit) {
    int oneUnit = 0;
    int mismatches = 0;
    int first = -1;
    for (int i = 0; i < expected.length; i++) {
      long difference = Math.abs(actual[i] - expected[i]);
      if (difference == 0) {
        continue;
      }
      if (difference == 1 && allowOneUnit) {
        oneUnit++;
        continue;
      }
      mismatches++;
      if (first < 0) {
        first = i;
      }
    }
    if (mismatches == 0) {
      return new Verdict(true, oneUnit, "");
    }
    return new Verdict(false, oneUnit, label + ": " + mismatches + " of " + expected.length + " elements differ"
        + (allowOneUnit ? " by more than one unit" : "") + ", first at " + first + ": got " + actual[first]
        + ", expected " + expected[first]);
  }

  private static long[] toRaw(float[] values) {
    long[] raw = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      raw[i] = FixedPoint.fromDouble(values[i]);
    }
    return raw;
  }
}
