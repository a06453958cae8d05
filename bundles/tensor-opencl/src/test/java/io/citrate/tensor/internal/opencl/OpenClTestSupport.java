package io.citrate.tensor.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * One OpenCL backend shared by the test classes, opened on the first use (the kernels' binaries cached in a
 * temporary directory, so later opens in the run skip compilation). Opening throws when no platform is
 * installed: the tests fail rather than skip.
 */
final class OpenClTestSupport {
  private static OpenClKernels shared;
  private static Path cacheDirectory;

  private OpenClTestSupport() {}

  static synchronized OpenClKernels kernels() {
    if (shared == null) {
      OpenClKernels kernels = OpenClKernels.open(OpenClDeviceSelector.ANY, cacheDirectory());
      // Release the context before the driver's own exit handlers run.
      Runtime.getRuntime().addShutdownHook(new Thread(kernels::close));
      shared = kernels;
    }
    return shared;
  }

  static synchronized Path cacheDirectory() {
    if (cacheDirectory == null) {
      try {
        cacheDirectory = Files.createTempDirectory("citrate-opencl-cache");
        cacheDirectory.toFile().deleteOnExit();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return cacheDirectory;
  }

  static DeviceBuffer floats(float... values) {
    DeviceBuffer buffer = kernels().allocate(DType.FLOAT32, values.length);
    kernels().write(buffer, values);
    return buffer;
  }

  static DeviceBuffer ints(DType dtype, int... values) {
    DeviceBuffer buffer = kernels().allocate(dtype, values.length);
    kernels().write(buffer, values);
    return buffer;
  }

  static float[] readFloats(DeviceBuffer buffer) {
    return kernels().readFloats(buffer);
  }

  static int[] readInts(DeviceBuffer buffer) {
    return kernels().readInts(buffer);
  }

  static float[] randomFloats(Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  static int[] randomInts(Random random, int count, int low, int high) {
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = (int) (low + (long) (random.nextDouble() * ((long) high - low + 1)));
    }
    return values;
  }

  /** FAST's tolerance for a value summed from {@code terms} products. */
  static void assertClose(float[] got, double[] want, int terms) {
    assertThat(got).hasSize(want.length);
    for (int i = 0; i < want.length; i++) {
      if (Double.isNaN(want[i])) {
        assertThat(got[i]).as("element %d", i).isNaN();
        continue;
      }
      if (Double.isInfinite(want[i])) {
        assertThat((double) got[i]).as("element %d", i).isEqualTo(want[i]);
        continue;
      }
      double tolerance = (1e-3 * Math.abs(want[i]) + 1e-5) * Math.max(1, Math.sqrt(terms));
      assertThat((double) got[i]).as("element %d", i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(
          tolerance));
    }
  }
}
