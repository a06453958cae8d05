package io.citrate.tensor.internal.opencl;

import static io.citrate.tensor.internal.opencl.OpenClTestSupport.assertClose;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.floats;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.ints;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.kernels;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.randomFloats;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.randomInts;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.readFloats;
import static io.citrate.tensor.internal.opencl.OpenClTestSupport.readInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.BinaryOp;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Broadcast;
import io.citrate.tensor.internal.kernel.Geometry.Channels;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Copy;
import io.citrate.tensor.internal.kernel.Geometry.Gather;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.Geometry.Rows;
import io.citrate.tensor.internal.kernel.PoolKind;
import io.citrate.tensor.internal.kernel.ReduceOp;
import io.citrate.tensor.internal.kernel.UnaryOp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each kernel against values worked out by hand or by a plain loop over FixedPoint's rules. */
class OpenClKernelsTest {
  private static final int MIN = Integer.MIN_VALUE;
  private static final int MAX = Integer.MAX_VALUE;

  @Test
  void roundTripsEveryType() {
    assertThat(readFloats(floats(1.5f, -0f, Float.NaN))).containsExactly(1.5f, -0f, Float.NaN);
    assertThat(readInts(ints(DType.INT8, -128, 127, -1))).containsExactly(-128, 127, -1);
    assertThat(readInts(ints(DType.UINT8, 0, 255, 128))).containsExactly(0, 255, 128);
    assertThat(readInts(ints(DType.Q16_16, MIN, MAX))).containsExactly(MIN, MAX);
    DeviceBuffer empty = kernels().allocate(DType.INT32, 0);
    assertThat(readInts(empty)).isEmpty();
  }

  @Test
  void convertsFloatsToIntegersTruncatingAndSaturating() {
    float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2.9f, -2.9f, 1e10f, -0.5f, 300f};
    assertThat(convert(floats(values), DType.INT8)).containsExactly(0, 127, -128, 2, -2, 127, 0, 127);
    assertThat(convert(floats(values), DType.UINT8)).containsExactly(0, 255, 0, 2, 0, 255, 0, 255);
    assertThat(convert(floats(values), DType.INT32)).containsExactly(0, MAX, MIN, 2, -2, MAX, 0, 300);
  }

  @Test
  void convertsBetweenIntegersAndFixedPoint() {
    assertThat(convert(ints(DType.INT32, 1, -1, 40000, -40000, 0), DType.Q16_16))
        .containsExactly(65536, -65536, MAX, MIN, 0);
    // Ties go to even: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -0.5 -> 0, -1.5 -> -2.
    int[] raws = {0x8000, 0x18000, 0x28000, -0x8000, -0x18000, 0x18001, MAX, MIN};
    assertThat(convert(ints(DType.Q16_16, raws), DType.INT32)).containsExactly(0, 2, 2, 0, -2, 2, 32768, -32768);
    assertThat(convert(ints(DType.Q16_16, raws), DType.INT8)).containsExactly(0, 2, 2, 0, -2, 2, 127, -128);
    assertThat(convert(ints(DType.INT32, 300, -5, 200), DType.UINT8)).containsExactly(255, 0, 200);
    assertThat(readFloats(convertToFloat(ints(DType.Q16_16, 0x18000, -1)))).containsExactly(1.5f, -1f / 65536);
    assertThat(readFloats(convertToFloat(ints(DType.INT32, 16777217, -3)))).containsExactly(16777216f, -3f);
  }

  @Test
  void integerArithmeticWrapsAndDividesByZeroToZero() {
    Broadcast four = elementwise(4);
    assertThat(binary(BinaryOp.ADD, DType.INT8, four, new int[] {100, -100, 127, 1}, new int[] {100, -100, 1, 1}))
        .containsExactly(-56, 56, -128, 2);
    assertThat(binary(BinaryOp.MUL, DType.UINT8, four, new int[] {200, 16, 255, 0}, new int[] {2, 16, 255, 9}))
        .containsExactly(144, 0, 1, 0);
    assertThat(binary(BinaryOp.DIV, DType.INT32, four, new int[] {7, -7, MIN, 5}, new int[] {2, 2, -1, 0}))
        .containsExactly(3, -3, MIN, 0);
    assertThat(binary(BinaryOp.SUB, DType.INT32, four, new int[] {MIN, MAX, 0, 5}, new int[] {1, -1, MIN, 7}))
        .containsExactly(MAX, MIN, MIN, -2);
    assertThat(binary(BinaryOp.MIN, DType.INT8, four, new int[] {-1, 5, 0, 3}, new int[] {1, -5, 0, 4}))
        .containsExactly(-1, -5, 0, 3);
  }

  @Test
  void fixedPointArithmeticRoundsAndSaturates() {
    int[] a = {MAX, MIN, 3 << 16, 1, -1, 7 << 16, 5 << 16, 0};
    int[] b = {1, -1, 1 << 15, 1 << 15, 1 << 15, 0, -(2 << 16), 0};
    Broadcast eight = elementwise(8);
    int[] sums = new int[8];
    int[] products = new int[8];
    int[] quotients = new int[8];
    for (int i = 0; i < 8; i++) {
      sums[i] = FixedPoint.saturate((long) a[i] + b[i]);
      products[i] = FixedPoint.multiply(a[i], b[i]);
      quotients[i] = FixedPoint.divide(a[i], b[i]);
    }
    assertThat(binary(BinaryOp.ADD, DType.Q16_16, eight, a, b)).containsExactly(sums);
    assertThat(binary(BinaryOp.MUL, DType.Q16_16, eight, a, b)).containsExactly(products);
    assertThat(binary(BinaryOp.DIV, DType.Q16_16, eight, a, b)).containsExactly(quotients);
    assertThat(quotients[5]).isEqualTo(MAX);
  }

  @Test
  void floatArithmeticBroadcastsAlongZeroStrides() {
    // (2, 3) + (3): b repeats along the rows.
    Broadcast geometry = new Broadcast(new int[] {2, 3}, new int[][] {{3, 1}, {0, 1}});
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 6);
    kernels().binary(BinaryOp.ADD, floats(1, 2, 3, 4, 5, 6), floats(10, 20, 30), out, geometry);
    assertThat(readFloats(out)).containsExactly(11, 22, 33, 14, 25, 36);
    kernels().binary(BinaryOp.POW, floats(2, 2, 2, 3, 3, 3), floats(1, 2, 3), out, geometry);
    assertThat(readFloats(out)).containsExactly(2, 4, 8, 3, 9, 27);
  }

  @Test
  void whereChoosesByTheCondition() {
    Broadcast geometry = new Broadcast(new int[] {4}, new int[][] {{1}, {1}, {0}});
    DeviceBuffer out = kernels().allocate(DType.INT8, 4);
    kernels().where(ints(DType.UINT8, 1, 0, 7, 0), ints(DType.INT8, 1, 2, 3, 4), ints(DType.INT8, -9), out,
        geometry);
    assertThat(readInts(out)).containsExactly(1, -9, 3, -9);
  }

  @Test
  void unaryFloatFunctionsMatchJavaMath() {
    float[] x = {-3f, -0.5f, 0f, 0.7f, 2.5f};
    assertUnary(UnaryOp.RELU, x, v -> Math.max(v, 0));
    assertUnary(UnaryOp.SIGMOID, x, v -> 1 / (1 + Math.exp(-v)));
    assertUnary(UnaryOp.TANH, x, Math::tanh);
    assertUnary(UnaryOp.EXP, x, Math::exp);
    assertUnary(UnaryOp.GELU_TANH, x,
        v -> v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))) / 2);
    assertUnary(UnaryOp.GELU, new float[] {-1f, 0f, 1f}, new double[] {-0.15865525393145707, 0, 0.8413447460685429});
    assertUnary(UnaryOp.ERF, new float[] {0.5f}, new double[] {0.5204998778130465});
    assertUnary(UnaryOp.SQRT, new float[] {4f, 2f}, new double[] {2, Math.sqrt(2)});
    assertUnary(UnaryOp.LOG, new float[] {1f, 10f}, new double[] {0, Math.log(10)});
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 3);
    kernels().unary(UnaryOp.CLIP, floats(-2, 0.5f, 9), out, -1, 1);
    assertThat(readFloats(out)).containsExactly(-1, 0.5f, 1);
    kernels().unary(UnaryOp.LEAKY_RELU, floats(-2, 0.5f, 9), out, 0.1, 0);
    assertThat(readFloats(out)).containsExactly(-0.2f, 0.5f, 9);
  }

  @Test
  void unaryIntegerFunctions() {
    DeviceBuffer out = kernels().allocate(DType.INT8, 4);
    kernels().unary(UnaryOp.RELU, ints(DType.INT8, -128, -1, 0, 127), out, 0, 0);
    assertThat(readInts(out)).containsExactly(0, 0, 0, 127);
    kernels().unary(UnaryOp.CLIP, ints(DType.INT8, -128, -1, 0, 127), out, -5, 5);
    assertThat(readInts(out)).containsExactly(-5, -1, 0, 5);
    DeviceBuffer fixed = kernels().allocate(DType.Q16_16, 3);
    int alpha = FixedPoint.fromDouble(0.1);
    kernels().unary(UnaryOp.LEAKY_RELU, ints(DType.Q16_16, -3 << 16, MIN, 5), fixed, alpha, 0);
    assertThat(readInts(fixed)).containsExactly(FixedPoint.multiply(-3 << 16, alpha), FixedPoint.multiply(MIN, alpha),
        5);
    assertThatThrownBy(() -> kernels().unary(UnaryOp.EXP, ints(DType.INT32, 1), kernels().allocate(DType.INT32, 1),
        0, 0)).isInstanceOf(TensorException.class);
  }

  @Test
  void copiesWithNegativeAndZeroStrides() {
    // Reverse the columns of a 2 x 3 matrix, then repeat a row.
    DeviceBuffer out = kernels().allocate(DType.INT32, 6);
    kernels().copy(ints(DType.INT32, 1, 2, 3, 4, 5, 6), out, new Copy(new int[] {2, 3}, 2, new int[] {3, -1}, 0,
        new int[] {3, 1}));
    assertThat(readInts(out)).containsExactly(3, 2, 1, 6, 5, 4);
    DeviceBuffer bytes = kernels().allocate(DType.UINT8, 6);
    kernels().copy(ints(DType.UINT8, 7, 8, 9), bytes, new Copy(new int[] {2, 3}, 0, new int[] {0, 1}, 0,
        new int[] {3, 1}));
    assertThat(readInts(bytes)).containsExactly(7, 8, 9, 7, 8, 9);
    assertThatThrownBy(() -> kernels().copy(ints(DType.INT32, 1, 2), out, new Copy(new int[] {3}, 0, new int[] {1},
        0, new int[] {1}))).isInstanceOf(TensorException.class);
  }

  @Test
  void gathersAlongTheMiddleAxis() {
    // data (2, 3, 2), indices [2, 0] -> (2, 2, 2)
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 8);
    kernels().gather(floats(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), ints(DType.INT32, 2, 0), out,
        new Gather(2, 3, 2, 2));
    assertThat(readFloats(out)).containsExactly(4, 5, 0, 1, 10, 11, 6, 7);
  }

  @Test
  void floatMatmulOfSizesThatTilesDoNotDivide() {
    Random random = new Random(7);
    for (int[] size : new int[][] {{1, 1, 1}, {1, 37, 5}, {37, 53, 29}, {65, 33, 130}, {8, 32, 1}, {9, 33, 0}}) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          checkFloatMatmul(random, 1, size[0], size[1], size[2], transA, transB);
        }
      }
    }
    checkFloatMatmul(random, 3, 17, 19, 23, false, false);
    checkFloatMatmul(random, 2, 40, 70, 300, true, true);
  }

  @Test
  void floatMatmulOfALargeBPacksItIntoPanels() {
    Random random = new Random(8);
    // k x n beyond a million values: B is packed and the blocks run down the rows first.
    checkFloatMatmul(random, 1, 11, 1030, 1025, false, false);
    checkFloatMatmul(random, 2, 9, 1001, 1050, true, false);
  }

  private static void checkFloatMatmul(Random random, int batch, int m, int n, int k, boolean transA,
      boolean transB) {
    float[] a = randomFloats(random, batch * m * k);
    float[] b = randomFloats(random, batch * k * n);
    int[] aOffsets = new int[batch];
    int[] bOffsets = new int[batch];
    double[] want = new double[batch * m * n];
    for (int t = 0; t < batch; t++) {
      aOffsets[t] = t * m * k;
      bOffsets[t] = (batch - 1 - t) * k * n;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int p = 0; p < k; p++) {
            sum += (double) a[aOffsets[t] + (transA ? p * m + i : i * k + p)]
                * b[bOffsets[t] + (transB ? j * k + p : p * n + j)];
          }
          want[(t * m + i) * n + j] = sum;
        }
      }
    }
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, batch * m * n);
    kernels().matmul(floats(a), floats(b), out, new Matmul(batch, aOffsets, bOffsets, m, n, k, transA, transB));
    assertClose(readFloats(out), want, k);
  }

  @Test
  void integerMatmulSumsInSixtyFourBitsThenSaturates() {
    // Two products of 2^31 - 1 squared wrap nowhere in 64 bits; the saturated result is MAX.
    DeviceBuffer out = kernels().allocate(DType.INT32, 1);
    kernels().matmul(ints(DType.INT32, MAX, MAX), ints(DType.INT32, MAX, MIN), out,
        new Matmul(1, new int[] {0}, new int[] {0}, 1, 1, 2, false, false));
    assertThat(readInts(out)).containsExactly(FixedPoint.saturate((long) MAX * MAX + (long) MAX * MIN));
    Random random = new Random(3);
    for (int[] size : new int[][] {{1, 1, 1}, {9, 17, 33}, {20, 3, 70}}) {
      int m = size[0];
      int n = size[1];
      int k = size[2];
      int[] a = randomInts(random, m * k, MIN, MAX);
      int[] b = randomInts(random, k * n, -70000, 70000);
      for (DType type : new DType[] {DType.INT32, DType.Q16_16}) {
        int[] want = new int[m * n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            long sum = 0;
            for (int p = 0; p < k; p++) {
              sum += (long) a[i * k + p] * b[p * n + j];
            }
            want[i * n + j] = FixedPoint.saturate(type == DType.Q16_16 ? FixedPoint.roundShift(sum, 16) : sum);
          }
        }
        DeviceBuffer result = kernels().allocate(type, m * n);
        kernels().matmul(ints(type, a), ints(type, b), result, new Matmul(1, new int[] {0}, new int[] {0}, m, n, k,
            false, false));
        assertThat(readInts(result)).as("%s %dx%dx%d", type, m, n, k).containsExactly(want);
      }
    }
  }

  @Test
  void fixedPointMatmulRoundsTiesToEven() {
    // 0.5 * 1/65536 = half an ulp: rounds to 0; 1.5 ulp rounds to 2.
    DeviceBuffer out = kernels().allocate(DType.Q16_16, 2);
    kernels().matmul(ints(DType.Q16_16, 1 << 15, 3 << 15), ints(DType.Q16_16, 1), out,
        new Matmul(1, new int[] {0}, new int[] {0}, 2, 1, 1, false, false));
    assertThat(readInts(out)).containsExactly(0, 2);
  }

  @Test
  void matmulIntegerSubtractsZeroPointsPerRowAndColumn() {
    Random random = new Random(5);
    int m = 13;
    int n = 35;
    int k = 21;
    int[] a = randomInts(random, m * k, -128, 127);
    int[] b = randomInts(random, k * n, 0, 255);
    int[] aZero = randomInts(random, m, -128, 127);
    int[] bZero = {131};
    int[] want = new int[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (a[i * k + p] - aZero[i]) * (b[p * n + j] - bZero[0]);
        }
        want[i * n + j] = sum;
      }
    }
    DeviceBuffer out = kernels().allocate(DType.INT32, m * n);
    kernels().matmulInteger(ints(DType.INT8, a), ints(DType.UINT8, b), out,
        new Matmul(1, new int[] {0}, new int[] {0}, m, n, k, false, false), aZero, bZero);
    assertThat(readInts(out)).containsExactly(want);
  }

  @Test
  void floatConvolutionWithPaddingStridesDilationAndGroups() {
    Random random = new Random(11);
    checkFloatConv(random, new Conv(2, 4, 9, 8, 6, 3, 3, 5, 4, 2, 2, 1, 1, 1, 1, 2), true);
    checkFloatConv(random, new Conv(2, 4, 9, 8, 18, 3, 3, 5, 4, 2, 2, 1, 1, 1, 1, 2), true);
    checkFloatConv(random, new Conv(1, 3, 7, 7, 9, 3, 2, 3, 5, 1, 1, 0, 1, 2, 2, 1), false);
    checkFloatConv(random, new Conv(1, 16, 5, 5, 16, 1, 1, 5, 5, 1, 1, 0, 0, 1, 1, 1), true);
    checkFloatConv(random, new Conv(1, 3, 7, 7, 5, 3, 2, 3, 5, 1, 1, 0, 1, 2, 2, 1), false);
    checkFloatConv(random, new Conv(2, 6, 5, 5, 4, 1, 1, 5, 5, 1, 1, 0, 0, 1, 1, 2), true);
    checkFloatConv(random, new Conv(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1), false);
    checkFloatConv(random, new Conv(1, 4, 6, 6, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, 1, 4), true);
  }

  private static void checkFloatConv(Random random, Conv g, boolean withBias) {
    float[] x = randomFloats(random, g.batch() * g.inChannels() * g.inHeight() * g.inWidth());
    float[] w = randomFloats(random, g.outChannels() * (g.inChannels() / g.groups()) * g.kernelHeight()
        * g.kernelWidth());
    float[] bias = randomFloats(random, g.outChannels());
    double[] want = referenceConv(g, toDoubles(x), toDoubles(w), withBias ? toDoubles(bias) : null);
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, want.length);
    kernels().conv2d(floats(x), floats(w), withBias ? floats(bias) : null, out, g);
    assertClose(readFloats(out), want, g.inChannels() * g.kernelHeight() * g.kernelWidth());
  }

  @Test
  void fixedPointConvolutionAddsTheBiasBeforeRounding() {
    Random random = new Random(13);
    for (Conv g : new Conv[] {new Conv(1, 2, 6, 5, 3, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1),
        new Conv(1, 2, 6, 5, 11, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1)}) {
      checkFixedConv(random, g);
    }
  }

  private static void checkFixedConv(Random random, Conv g) {
    int[] x = randomInts(random, 2 * 6 * 5, -(4 << 16), 4 << 16);
    int[] w = randomInts(random, g.outChannels() * 2 * 9, -(1 << 16), 1 << 16);
    int[] bias = randomInts(random, g.outChannels(), -(2 << 16), 2 << 16);
    long[] sums = referenceIntegerConv(g, x, w, 0, new int[] {0});
    int[] want = new int[sums.length];
    for (int i = 0; i < sums.length; i++) {
      int channel = (i / (g.outHeight() * g.outWidth())) % g.outChannels();
      want[i] = FixedPoint.saturate(FixedPoint.roundShift(sums[i] + ((long) bias[channel] << 16), 16));
    }
    DeviceBuffer out = kernels().allocate(DType.Q16_16, want.length);
    kernels().conv2d(ints(DType.Q16_16, x), ints(DType.Q16_16, w), ints(DType.Q16_16, bias), out, g);
    assertThat(readInts(out)).containsExactly(want);
  }

  @Test
  void integerConvolutionTreatsPaddingAsTheZeroPoint() {
    Random random = new Random(17);
    for (Conv g : new Conv[] {new Conv(2, 3, 5, 6, 4, 3, 3, 5, 6, 1, 1, 1, 1, 1, 1, 1),
        new Conv(1, 4, 4, 4, 2, 1, 1, 4, 4, 1, 1, 0, 0, 1, 1, 2),
        new Conv(2, 3, 5, 6, 10, 3, 3, 5, 6, 1, 1, 1, 1, 1, 1, 1),
        new Conv(1, 4, 4, 4, 16, 1, 1, 4, 4, 1, 1, 0, 0, 1, 1, 2)}) {
      int[] x = randomInts(random, g.batch() * g.inChannels() * g.inHeight() * g.inWidth(), 0, 255);
      int[] w = randomInts(random, g.outChannels() * (g.inChannels() / g.groups()) * g.kernelHeight()
          * g.kernelWidth(), -128, 127);
      int xZero = 119;
      int[] wZero = randomInts(random, g.outChannels(), -3, 3);
      long[] sums = referenceIntegerConv(g, x, w, xZero, wZero);
      int[] want = new int[sums.length];
      for (int i = 0; i < sums.length; i++) {
        want[i] = (int) sums[i];
      }
      DeviceBuffer out = kernels().allocate(DType.INT32, want.length);
      kernels().convInteger(ints(DType.UINT8, x), ints(DType.INT8, w), out, g, xZero, wZero);
      assertThat(readInts(out)).containsExactly(want);
    }
  }

  @Test
  void maxPoolReportsTheFirstMaximumAndItsIndex() {
    // One 1 x 4 x 4 plane (as 1 x 4 x 4 spatial), 2 x 2 windows, stride 2, padding 1 at the start.
    float[] x = {1, 5, 5, 0, 2, 2, 3, 9, 7, 1, 1, 1, 0, 0, 8, 8};
    Pool g = new Pool(1, new int[] {1, 4, 4}, new int[] {1, 3, 3}, new int[] {1, 2, 2}, new int[] {1, 2, 2},
        new int[] {0, 1, 1}, new int[] {0, 1, 1}, new int[] {1, 1, 1});
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 9);
    DeviceBuffer indices = kernels().allocate(DType.INT32, 9);
    kernels().pool(PoolKind.MAX, floats(x), out, indices, g);
    assertThat(readFloats(out)).containsExactly(1, 5, 0, 7, 3, 9, 0, 8, 8);
    assertThat(readInts(indices)).containsExactly(0, 1, 3, 8, 6, 7, 12, 14, 15);
  }

  @Test
  void averagePoolsDivideRoundingToEven() {
    Pool g = new Pool(1, new int[] {1, 1, 4}, new int[] {1, 1, 3}, new int[] {1, 1, 2}, new int[] {1, 1, 2},
        new int[] {0, 0, 1}, new int[] {0, 0, 1}, new int[] {1, 1, 1});
    DeviceBuffer out = kernels().allocate(DType.INT32, 3);
    // Windows: [pad, 3] [4, 7] [-5, pad]
    kernels().pool(PoolKind.AVERAGE_EXCLUDING_PAD, ints(DType.INT32, 3, 4, 7, -5), out, null, g);
    assertThat(readInts(out)).containsExactly(3, 6, -5);
    kernels().pool(PoolKind.AVERAGE_INCLUDING_PAD, ints(DType.INT32, 3, 4, 7, -5), out, null, g);
    // 3/2 = 1.5 -> 2, 11/2 = 5.5 -> 6, -5/2 = -2.5 -> -2
    assertThat(readInts(out)).containsExactly(2, 6, -2);
    DeviceBuffer floatOut = kernels().allocate(DType.FLOAT32, 3);
    kernels().pool(PoolKind.AVERAGE_INCLUDING_PAD, floats(3, 4, 7, -5), floatOut, null, g);
    assertThat(readFloats(floatOut)).containsExactly(1.5f, 5.5f, -2.5f);
  }

  @Test
  void reductionsAlongTheMiddleAxis() {
    Rows g = new Rows(2, 3, 2);
    int[] x = {MAX, 1, MAX, 2, 1, 3, -4, -1, -5, -2, -6, -3};
    DeviceBuffer out = kernels().allocate(DType.INT32, 4);
    kernels().reduce(ReduceOp.SUM, ints(DType.INT32, x), out, g);
    assertThat(readInts(out)).containsExactly(MAX, 6, -15, -6);
    kernels().reduce(ReduceOp.MEAN, ints(DType.INT32, x), out, g);
    assertThat(readInts(out)).containsExactly((int) FixedPoint.divideRounded(2L * MAX + 1, 3), 2, -5, -2);
    kernels().reduce(ReduceOp.MAX, ints(DType.INT32, x), out, g);
    assertThat(readInts(out)).containsExactly(MAX, 3, -4, -1);
    DeviceBuffer floatOut = kernels().allocate(DType.FLOAT32, 2);
    kernels().reduce(ReduceOp.MEAN, floats(1, 2, 3, 4, 5, 6), floatOut, new Rows(1, 3, 2));
    assertThat(readFloats(floatOut)).containsExactly(3, 4);
  }

  @Test
  void softmaxAndLayerNorm() {
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 6);
    kernels().softmax(floats(1, 2, 3, 1000, 1000, 1000), out, new Rows(2, 3, 1));
    double total = Math.exp(0) + Math.exp(1) + Math.exp(2);
    assertClose(readFloats(out), new double[] {1 / total, Math.E / total, Math.exp(2) / total, 1 / 3.0, 1 / 3.0,
        1 / 3.0}, 3);
    DeviceBuffer mean = kernels().allocate(DType.FLOAT32, 2);
    DeviceBuffer inverse = kernels().allocate(DType.FLOAT32, 2);
    kernels().layerNorm(floats(1, 2, 3, -1, -1, -1), floats(1, 2, 3), floats(0, 1, 0), out, mean, inverse,
        new Rows(2, 3, 1), 1e-5f);
    double invStd = 1 / Math.sqrt(2 / 3.0 + 1e-5);
    assertClose(readFloats(out), new double[] {-invStd, 1, 3 * invStd, 0, 1, 0}, 3);
    assertClose(readFloats(mean), new double[] {2, -1}, 3);
    assertClose(readFloats(inverse), new double[] {invStd, 1 / Math.sqrt(1e-5)}, 3);
  }

  @Test
  void perChannelQuantization() {
    Channels g = new Channels(1, 2, 3);
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 6);
    kernels().channelAffine(floats(1, 2, 3, 4, 5, 6), out, g, new float[] {2, -1}, new float[] {0.5f});
    assertThat(readFloats(out)).containsExactly(2.5f, 4.5f, 6.5f, -3.5f, -4.5f, -5.5f);
    DeviceBuffer bytes = kernels().allocate(DType.INT8, 6);
    kernels().quantize(floats(1.25f, Float.NaN, 1000, 0.75f, -0.25f, -1000), bytes, g, new float[] {0.5f, 0.5f},
        new int[] {1, -1});
    // 2.5 -> 2, NaN counts as 0, saturate; 1.5 -> 2, -0.5 -> -0, saturate.
    assertThat(readInts(bytes)).containsExactly(3, 1, 127, 1, -1, -128);
    kernels().dequantize(ints(DType.UINT8, 0, 10, 255, 0, 10, 255), out, g, new float[] {0.5f, 2},
        new int[] {10, 0});
    assertThat(readFloats(out)).containsExactly(-5, 0, 122.5f, 0, 20, 510);
    DeviceBuffer unsigned = kernels().allocate(DType.UINT8, 6);
    kernels().requantizeFloat(ints(DType.INT32, 5, -5, 1000, 3, 7, MAX), unsigned, g, new float[] {0.5f, 0.5f},
        new int[] {100});
    assertThat(readInts(unsigned)).containsExactly(102, 98, 255, 102, 104, 255);
  }

  @Test
  void fixedRequantizationRoundsShiftsAndSaturates() {
    Channels g = new Channels(2, 1, 4);
    int[] x = {MAX, MIN + 2, 3, -3, 5, -5, 1 << 20, 0};
    int multiplier = 3;
    int shift = 1;
    int[] want = new int[8];
    for (int i = 0; i < 8; i++) {
      want[i] = (int) Math.max(-128, Math.min(127,
          FixedPoint.roundShift((long) (x[i] - 2) * multiplier, shift) + 4));
    }
    DeviceBuffer out = kernels().allocate(DType.INT8, 8);
    kernels().requantizeFixed(ints(DType.INT32, x), out, g, new int[] {2}, new int[] {multiplier},
        new int[] {shift}, new int[] {4});
    assertThat(readInts(out)).containsExactly(want);
    DeviceBuffer fixed = kernels().allocate(DType.Q16_16, 8);
    kernels().requantizeFixed(ints(DType.INT32, x), fixed, g, new int[] {0}, new int[] {MAX}, new int[] {62},
        new int[] {0});
    int[] wantFixed = new int[8];
    for (int i = 0; i < 8; i++) {
      wantFixed[i] = FixedPoint.saturate(FixedPoint.roundShift((long) x[i] * MAX, 62));
    }
    assertThat(readInts(fixed)).containsExactly(wantFixed);
  }

  @Test
  void refusesBuffersThatDoNotFitTheGeometry() {
    DeviceBuffer small = kernels().allocate(DType.FLOAT32, 3);
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, 4);
    assertThatThrownBy(() -> kernels().matmul(small, small, out,
        new Matmul(1, new int[] {0}, new int[] {0}, 2, 2, 2, false, false)))
        .isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.SHAPE_MISMATCH);
    DeviceBuffer bytes = ints(DType.UINT8, 1, 2, 3, 4);
    DeviceBuffer sums = kernels().allocate(DType.INT32, 4);
    assertThatThrownBy(() -> kernels().matmulInteger(bytes, bytes, sums,
        new Matmul(1, new int[] {0}, new int[] {0}, 2, 2, 2, false, false), new int[] {256}, new int[] {0}))
        .isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.INVALID_ARGUMENT);
    DeviceBuffer released = kernels().allocate(DType.FLOAT32, 1);
    released.close();
    released.close();
    assertThatThrownBy(() -> kernels().readFloats(released)).isInstanceOf(TensorException.class);
  }

  private static int[] convert(DeviceBuffer in, DType type) {
    DeviceBuffer out = kernels().allocate(type, in.count());
    kernels().convert(in, out);
    return readInts(out);
  }

  private static DeviceBuffer convertToFloat(DeviceBuffer in) {
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, in.count());
    kernels().convert(in, out);
    return out;
  }

  private static Broadcast elementwise(int count) {
    return new Broadcast(new int[] {count}, new int[][] {{1}, {1}});
  }

  private static int[] binary(BinaryOp op, DType type, Broadcast geometry, int[] a, int[] b) {
    DeviceBuffer out = kernels().allocate(type, geometry.count());
    kernels().binary(op, ints(type, a), ints(type, b), out, geometry);
    return readInts(out);
  }

  private static void assertUnary(UnaryOp op, float[] x, java.util.function.DoubleUnaryOperator function) {
    double[] want = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      want[i] = function.applyAsDouble(x[i]);
    }
    assertUnary(op, x, want);
  }

  private static void assertUnary(UnaryOp op, float[] x, double[] want) {
    DeviceBuffer out = kernels().allocate(DType.FLOAT32, x.length);
    kernels().unary(op, floats(x), out, 0, 0);
    assertClose(readFloats(out), want, 1);
  }

  private static double[] toDoubles(float[] values) {
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
    }
    return doubles;
  }

  static double[] referenceConv(Conv g, double[] x, double[] w, double[] bias) {
    double[] out = new double[g.batch() * g.outChannels() * g.outHeight() * g.outWidth()];
    int cPerGroup = g.inChannels() / g.groups();
    int mPerGroup = g.outChannels() / g.groups();
    for (int n = 0; n < g.batch(); n++) {
      for (int m = 0; m < g.outChannels(); m++) {
        int group = m / mPerGroup;
        for (int oh = 0; oh < g.outHeight(); oh++) {
          for (int ow = 0; ow < g.outWidth(); ow++) {
            double sum = bias == null ? 0 : bias[m];
            for (int c = 0; c < cPerGroup; c++) {
              for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++) {
                  int h = oh * g.strideHeight() - g.padTop() + kh * g.dilationHeight();
                  int wi = ow * g.strideWidth() - g.padLeft() + kw * g.dilationWidth();
                  if (h < 0 || h >= g.inHeight() || wi < 0 || wi >= g.inWidth()) {
                    continue;
                  }
                  sum += x[((n * g.inChannels() + group * cPerGroup + c) * g.inHeight() + h) * g.inWidth() + wi]
                      * w[((m * cPerGroup + c) * g.kernelHeight() + kh) * g.kernelWidth() + kw];
                }
              }
            }
            out[((n * g.outChannels() + m) * g.outHeight() + oh) * g.outWidth() + ow] = sum;
          }
        }
      }
    }
    return out;
  }

  /** Wrapping int64 sums of (x - xZero) * (w - wZero[m]); padding contributes nothing. */
  static long[] referenceIntegerConv(Conv g, int[] x, int[] w, int xZero, int[] wZero) {
    long[] out = new long[g.batch() * g.outChannels() * g.outHeight() * g.outWidth()];
    int cPerGroup = g.inChannels() / g.groups();
    int mPerGroup = g.outChannels() / g.groups();
    for (int n = 0; n < g.batch(); n++) {
      for (int m = 0; m < g.outChannels(); m++) {
        int group = m / mPerGroup;
        int zero = wZero[wZero.length == 1 ? 0 : m];
        for (int oh = 0; oh < g.outHeight(); oh++) {
          for (int ow = 0; ow < g.outWidth(); ow++) {
            long sum = 0;
            for (int c = 0; c < cPerGroup; c++) {
              for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++) {
                  int h = oh * g.strideHeight() - g.padTop() + kh * g.dilationHeight();
                  int wi = ow * g.strideWidth() - g.padLeft() + kw * g.dilationWidth();
                  if (h < 0 || h >= g.inHeight() || wi < 0 || wi >= g.inWidth()) {
                    continue;
                  }
                  long xv = x[((n * g.inChannels() + group * cPerGroup + c) * g.inHeight() + h) * g.inWidth() + wi]
                      - (long) xZero;
                  long wv = w[((m * cPerGroup + c) * g.kernelHeight() + kh) * g.kernelWidth() + kw] - (long) zero;
                  sum += xv * wv;
                }
              }
            }
            out[((n * g.outChannels() + m) * g.outHeight() + oh) * g.outWidth() + ow] = sum;
          }
        }
      }
    }
    return out;
  }
}
