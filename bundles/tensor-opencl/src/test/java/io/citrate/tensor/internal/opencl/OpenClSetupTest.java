package io.citrate.tensor.internal.opencl;

import static io.citrate.tensor.internal.opencl.OpenClTestSupport.assertClose;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.randomFloats;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.randomInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device selection, the binary cache, the GPU kernels run on this device, and concurrent callers. */
class OpenClSetupTest {
  private static final String POCL = "Portable Computing Language";

  @Test
  void listsEveryDeviceAndMarksTheOneInUse() {
    List<ComputeDevice> devices = OpenClKernels.listDevices();
    assertThat(devices).anySatisfy(d -> {
      assertThat(d.platform()).contains(POCL);
      assertThat(d.type()).isEqualTo("cpu");
      assertThat(d.computeUnits()).isPositive();
      assertThat(d.globalMemoryBytes()).isPositive();
    });
    assertThat(devices).noneMatch(ComputeDevice::inUse);
    ComputeDevice inUse = OpenClTestSupport.kernels().device();
    assertThat(inUse.inUse()).isTrue();
    assertThat(OpenClTestSupport.kernels().backendName()).isEqualTo("opencl");
    assertThat(OpenClTestSupport.kernels().deviceName()).contains(inUse.name());
  }

  @Test
  void cpuDeviceTypePicksPocl() {
    try (OpenClKernels kernels = OpenClKernels.open(new OpenClDeviceSelector("portable", "CPU", 0),
        OpenClTestSupport.cacheDirectory())) {
      assertThat(kernels.device().platform()).contains(POCL);
      assertThat(kernels.device().type()).isEqualTo("cpu");
    }
  }

  @Test
  void unknownPlatformOrIndexSaysWhatIsMissingAndHowToInstall() {
    assertThatThrownBy(() -> OpenClKernels.open(new OpenClDeviceSelector("no-such-vendor", "any", 0), null))
        .isInstanceOf(OpenClUnavailableException.class)
        .hasMessageContaining("no-such-vendor")
        .hasMessageContaining(POCL)
        .hasMessageContaining("apt-get install pocl-opencl-icd ocl-icd-libopencl1")
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.BACKEND_FAILURE);
    assertThatThrownBy(() -> OpenClKernels.open(new OpenClDeviceSelector("", "cpu", 99), null))
        .isInstanceOf(OpenClUnavailableException.class)
        .hasMessageContaining("index 99");
    assertThatThrownBy(() -> new OpenClDeviceSelector("", "fpga", 0))
        .isInstanceOf(TensorException.class)
        .hasMessageContaining("fpga");
  }

  @Test
  void secondOpenLoadsTheCachedBinariesAndCorruptFilesAreRebuilt(@TempDir Path cache) throws IOException {
    try (OpenClKernels first = OpenClKernels.open(OpenClDeviceSelector.ANY, cache)) {
      assertThat(first.programsLoadedFromCache()).isZero();
    }
    List<Path> files = cacheFiles(cache);
    assertThat(files).hasSize(4);
    try (OpenClKernels second = OpenClKernels.open(OpenClDeviceSelector.ANY, cache)) {
      assertThat(second.programsLoadedFromCache()).isEqualTo(4);
    }
    Files.write(files.get(0), new byte[] {1, 2, 3});
    byte[] intact = Files.readAllBytes(files.get(1));
    intact[intact.length - 1] ^= 0x5A;
    Files.write(files.get(1), intact);
    try (OpenClKernels third = OpenClKernels.open(OpenClDeviceSelector.ANY, cache)) {
      assertThat(third.programsLoadedFromCache()).isEqualTo(2);
      checkMatmul(third, new Random(1), 9, 35, 17);
    }
    try (OpenClKernels fourth = OpenClKernels.open(OpenClDeviceSelector.ANY, cache)) {
      assertThat(fourth.programsLoadedFromCache()).isEqualTo(4);
    }
  }

  @Test
  void tiledKernelsForOtherDevicesAgreeWithTheCpuKernels() {
    OpenClKernels blocked = OpenClTestSupport.kernels();
    Random random = new Random(21);
    try (OpenClKernels tiled = OpenClKernels.open(OpenClDeviceSelector.ANY, OpenClTestSupport.cacheDirectory(),
        false)) {
      for (int[] size : new int[][] {{1, 1, 1}, {70, 65, 33}, {5, 130, 17}}) {
        checkMatmul(tiled, random, size[0], size[1], size[2]);
        for (DType type : new DType[] {DType.INT32, DType.Q16_16}) {
          int[] a = randomInts(random, size[0] * size[2], -(1 << 20), 1 << 20);
          int[] b = randomInts(random, size[2] * size[1], Integer.MIN_VALUE, Integer.MAX_VALUE);
          Matmul g = new Matmul(1, new int[] {0}, new int[] {0}, size[0], size[1], size[2], true, false);
          assertThat(integerMatmul(tiled, type, a, b, g)).isEqualTo(integerMatmul(blocked, type, a, b, g));
        }
        int[] a = randomInts(random, size[0] * size[2], -128, 127);
        int[] b = randomInts(random, size[2] * size[1], 0, 255);
        Matmul g = new Matmul(1, new int[] {0}, new int[] {0}, size[0], size[1], size[2], false, true);
        int[] aZero = randomInts(random, size[0], -128, 127);
        assertThat(byteMatmul(tiled, a, b, g, aZero)).isEqualTo(byteMatmul(blocked, a, b, g, aZero));
      }
      Conv conv = new Conv(2, 4, 7, 6, 20, 3, 3, 4, 3, 2, 2, 1, 1, 1, 1, 2);
      float[] x = randomFloats(random, 2 * 4 * 7 * 6);
      float[] w = randomFloats(random, 20 * 2 * 9);
      float[] bias = randomFloats(random, 20);
      DeviceBuffer out = tiled.allocate(DType.FLOAT32, 2 * 20 * 4 * 3);
      tiled.conv2d(upload(tiled, x), upload(tiled, w), upload(tiled, bias), out, conv);
      double[] want = OpenClKernelsTest.referenceConv(conv, toDoubles(x), toDoubles(w), toDoubles(bias));
      assertClose(tiled.readFloats(out), want, 18);
    }
  }

  @Test
  void concurrentCallersEachGetTheirOwnProduct() throws Exception {
    OpenClKernels kernels = OpenClTestSupport.kernels();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int seed = thread;
        results.add(pool.submit(() -> {
          Random random = new Random(seed);
          for (int round = 0; round < 6; round++) {
            checkMatmul(kernels, random, 1 + random.nextInt(40), 1 + random.nextInt(70), 1 + random.nextInt(50));
          }
          return null;
        }));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void checkMatmul(OpenClKernels kernels, Random random, int m, int n, int k) {
    float[] a = randomFloats(random, m * k);
    float[] b = randomFloats(random, k * n);
    double[] want = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (double) a[i * k + p] * b[p * n + j];
        }
        want[i * n + j] = sum;
      }
    }
    try (DeviceBuffer left = upload(kernels, a); DeviceBuffer right = upload(kernels, b);
        DeviceBuffer out = kernels.allocate(DType.FLOAT32, m * n)) {
      kernels.matmul(left, right, out, new Matmul(1, new int[] {0}, new int[] {0}, m, n, k, false, false));
      assertClose(kernels.readFloats(out), want, k);
    }
  }

  private static int[] integerMatmul(OpenClKernels kernels, DType type, int[] a, int[] b, Matmul g) {
    DeviceBuffer left = kernels.allocate(type, a.length);
    DeviceBuffer right = kernels.allocate(type, b.length);
    kernels.write(left, a);
    kernels.write(right, b);
    DeviceBuffer out = kernels.allocate(type, g.m() * g.n());
    kernels.matmul(left, right, out, g);
    return kernels.readInts(out);
  }

  private static int[] byteMatmul(OpenClKernels kernels, int[] a, int[] b, Matmul g, int[] aZero) {
    DeviceBuffer left = kernels.allocate(DType.INT8, a.length);
    DeviceBuffer right = kernels.allocate(DType.UINT8, b.length);
    kernels.write(left, a);
    kernels.write(right, b);
    DeviceBuffer out = kernels.allocate(DType.INT32, g.m() * g.n());
    kernels.matmulInteger(left, right, out, g, aZero, new int[] {77});
    return kernels.readInts(out);
  }

  private static DeviceBuffer upload(OpenClKernels kernels, float[] values) {
    DeviceBuffer buffer = kernels.allocate(DType.FLOAT32, values.length);
    kernels.write(buffer, values);
    return buffer;
  }

  private static double[] toDoubles(float[] values) {
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
    }
    return doubles;
  }

  private static List<Path> cacheFiles(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
    }
  }
}
