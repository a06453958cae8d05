package io.citrate.tensor.internal.java;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.internal.kernel.DeviceBuffer;

/** Builds and reads buffers of the Java backend for tests. */
final class Buffers {
  static final JavaKernels KERNELS = new JavaKernels();

  private Buffers() {}

  static DeviceBuffer floats(float... values) {
    DeviceBuffer buffer = KERNELS.allocate(DType.FLOAT32, values.length);
    KERNELS.write(buffer, values);
    return buffer;
  }

  static DeviceBuffer ints(DType dtype, int... values) {
    DeviceBuffer buffer = KERNELS.allocate(dtype, values.length);
    KERNELS.write(buffer, values);
    return buffer;
  }

  static DeviceBuffer empty(DType dtype, int count) {
    return KERNELS.allocate(dtype, count);
  }

  static float[] readFloats(DeviceBuffer buffer) {
    return KERNELS.readFloats(buffer);
  }

  static int[] readInts(DeviceBuffer buffer) {
    return KERNELS.readInts(buffer);
  }

  /** |got - want| <= rtol * |want| + atol, element by element. */
  static void assertClose(float[] got, double[] want, double rtol, double atol) {
    if (got.length != want.length) {
      throw new AssertionError("length " + got.length + " != " + want.length);
    }
    for (int i = 0; i < got.length; i++) {
      boolean bothNaN = Float.isNaN(got[i]) && Double.isNaN(want[i]);
      boolean sameInfinity = Float.isInfinite(got[i]) && got[i] == want[i];
      if (!bothNaN && !sameInfinity && !(Math.abs(got[i] - want[i]) <= rtol * Math.abs(want[i]) + atol)) {
        throw new AssertionError("element " + i + ": got " + got[i] + ", want " + want[i]);
      }
    }
  }

  static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  /** Row-major strides of {@code dims}. */
  static int[] strides(int... dims) {
    return StridedRows.contiguous(dims);
  }
}
