package io.citrate.tensor.internal.java;

import static io.citrate.tensor.internal.java.Buffers.KERNELS;
import static io.citrate.tensor.internal.java.Buffers.assertClose;
import static io.citrate.tensor.internal.java.Buffers.empty;
import static io.citrate.tensor.internal.java.Buffers.floats;
import static io.citrate.tensor.internal.java.Buffers.ints;
import static io.citrate.tensor.internal.java.Buffers.readFloats;
import static io.citrate.tensor.internal.java.Buffers.readInts;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Copy;
import io.citrate.tensor.internal.kernel.Geometry.Gather;
import io.citrate.tensor.internal.kernel.Geometry.Rows;
import io.citrate.tensor.internal.kernel.ReduceOp;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Data movement, reductions, softmax and layer normalisation. */
class JavaKernelsRowsTest {

  @Test
  void copyTransposesThroughStrides() {
    // in 2x3 row-major; out 3x2 = transpose: walk out's dims (3, 2) reading in with strides (1, 3).
    DeviceBuffer out = empty(DType.FLOAT32, 6);
    KERNELS.copy(floats(1, 2, 3, 4, 5, 6), out, new Copy(new int[] {3, 2}, 0, new int[] {1, 3}, 0, new int[] {2, 1}));
    assertThat(readFloats(out)).containsExactly(1, 4, 2, 5, 3, 6);
  }

  @Test
  void copyReversesExpandsAndOffsets() {
    DeviceBuffer reversed = empty(DType.INT8, 3);
    KERNELS.copy(ints(DType.INT8, 9, -1, 2, -3), reversed, new Copy(new int[] {3}, 3, new int[] {-1}, 0, new int[] {1}));
    assertThat(readInts(reversed)).containsExactly(-3, 2, -1);
    DeviceBuffer expanded = empty(DType.Q16_16, 6);
    KERNELS.copy(ints(DType.Q16_16, 7, 8), expanded, new Copy(new int[] {2, 3}, 0, new int[] {1, 0}, 0, new int[] {3, 1}));
    assertThat(readInts(expanded)).containsExactly(7, 7, 7, 8, 8, 8);
    // Concatenation writes each input at an offset of the output.
    DeviceBuffer concatenated = empty(DType.INT32, 4);
    KERNELS.copy(ints(DType.INT32, 1, 2), concatenated, new Copy(new int[] {2}, 0, new int[] {1}, 0, new int[] {2}));
    KERNELS.copy(ints(DType.INT32, 3, 4), concatenated, new Copy(new int[] {2}, 0, new int[] {1}, 1, new int[] {2}));
    assertThat(readInts(concatenated)).containsExactly(1, 3, 2, 4);
  }

  @Test
  void gatherTakesSlicesAtIndices() {
    // data (outer 2, axis 3, inner 2); indices [2, 0, 2].
    DeviceBuffer out = empty(DType.UINT8, 12);
    KERNELS.gather(ints(DType.UINT8, 0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121),
        ints(DType.INT32, 2, 0, 2), out, new Gather(2, 3, 2, 3));
    assertThat(readInts(out)).containsExactly(20, 21, 0, 1, 20, 21, 120, 121, 100, 101, 120, 121);
  }

  private static int[] reduceInts(ReduceOp op, DType dtype, Rows rows, int... values) {
    DeviceBuffer out = empty(dtype, rows.outer() * rows.inner());
    KERNELS.reduce(op, ints(dtype, values), out, rows);
    return readInts(out);
  }

  @Test
  void integerReductionsSaturateOnceAndRoundMeansToEven() {
    Rows columns = new Rows(1, 2, 2);
    assertThat(reduceInts(ReduceOp.SUM, DType.INT8, columns, 100, -100, 100, -100)).containsExactly(127, -128);
    assertThat(reduceInts(ReduceOp.SUM, DType.INT8, new Rows(1, 3, 1), 100, 100, -100)).containsExactly(100);
    assertThat(reduceInts(ReduceOp.MEAN, DType.INT32, new Rows(4, 2, 1), 1, 2, 2, 3, -1, -2, -2, -3))
        .containsExactly(2, 2, -2, -2);
    assertThat(reduceInts(ReduceOp.MAX, DType.UINT8, new Rows(2, 2, 1), 200, 3, 0, 0)).containsExactly(200, 0);
    int max = Integer.MAX_VALUE;
    assertThat(reduceInts(ReduceOp.SUM, DType.INT32, new Rows(1, 2, 1), max, max)).containsExactly(max);
    assertThat(reduceInts(ReduceOp.MEAN, DType.Q16_16, new Rows(1, 2, 1), max, max)).containsExactly(max);
    assertThat(reduceInts(ReduceOp.MEAN, DType.Q16_16, new Rows(1, 3, 1), 1, 0, 0)).containsExactly(0);
  }

  @Test
  void floatReductions() {
    DeviceBuffer out = empty(DType.FLOAT32, 2);
    KERNELS.reduce(ReduceOp.MEAN, floats(1, 2, 3, 6), out, new Rows(1, 2, 2));
    assertThat(readFloats(out)).containsExactly(2, 4);
    KERNELS.reduce(ReduceOp.MAX, floats(-1, Float.NaN, -3, 6), out, new Rows(2, 2, 1));
    assertThat(readFloats(out)).containsExactly(Float.NaN, 6);
  }

  @Property(tries = 100)
  void reductionsMatchNaiveSums(@ForAll @IntRange(min = 1, max = 4) int outer,
      @ForAll @IntRange(min = 1, max = 9) int length, @ForAll @IntRange(min = 1, max = 4) int inner,
      @ForAll long seed) {
    Random random = new Random(seed);
    int[] values = random.ints(outer * length * inner).toArray();
    int[] sums = reduceInts(ReduceOp.SUM, DType.Q16_16, new Rows(outer, length, inner), values);
    int[] maxima = reduceInts(ReduceOp.MAX, DType.INT32, new Rows(outer, length, inner), values);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        long sum = 0;
        int max = Integer.MIN_VALUE;
        for (int l = 0; l < length; l++) {
          int value = values[(o * length + l) * inner + i];
          sum += value;
          max = Math.max(max, value);
        }
        assertThat(sums[o * inner + i]).isEqualTo((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum)));
        assertThat(maxima[o * inner + i]).isEqualTo(max);
      }
    }
  }

  @Test
  void softmaxIsMaxSubtracted() {
    DeviceBuffer out = empty(DType.FLOAT32, 6);
    KERNELS.softmax(floats(1000, 1001, 1002, 0, 0, 0), out, new Rows(2, 3, 1));
    double e1 = Math.exp(-1);
    double e2 = Math.exp(-2);
    double sum = 1 + e1 + e2;
    assertClose(readFloats(out), new double[] {e2 / sum, e1 / sum, 1 / sum, 1 / 3.0, 1 / 3.0, 1 / 3.0}, 1e-6, 0);
  }

  @Test
  void softmaxAlongAMiddleAxis() {
    // (outer 1, length 2, inner 2): columns {0, ln 3} and {5, 5}.
    DeviceBuffer out = empty(DType.FLOAT32, 4);
    KERNELS.softmax(floats(0, 5, (float) Math.log(3), 5), out, new Rows(1, 2, 2));
    assertClose(readFloats(out), new double[] {0.25, 0.5, 0.75, 0.5}, 1e-6, 0);
  }

  @Test
  void layerNormNormalisesEachRow() {
    DeviceBuffer out = empty(DType.FLOAT32, 8);
    DeviceBuffer mean = empty(DType.FLOAT32, 2);
    DeviceBuffer inverse = empty(DType.FLOAT32, 2);
    KERNELS.layerNorm(floats(1, 2, 3, 4, 10, 10, 10, 10), floats(1, 1, 2, 2), floats(0, 1, 0, 1), out, mean,
        inverse, new Rows(2, 4, 1), 0f);
    double invStd = 1 / Math.sqrt(1.25);
    assertClose(readFloats(out), new double[] {-1.5 * invStd, -0.5 * invStd + 1, 1.0 * invStd, 3.0 * invStd + 1,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN}, 1e-6, 0);
    assertClose(readFloats(mean), new double[] {2.5, 10}, 1e-7, 0);
    assertClose(readFloats(inverse), new double[] {invStd, Double.POSITIVE_INFINITY}, 1e-6, 0);
    KERNELS.layerNorm(floats(1, 2, 3, 4, 10, 10, 10, 10), floats(1, 1, 1, 1), null, out, null, null,
        new Rows(2, 4, 1), 1e-5f);
    assertThat(readFloats(out)[4]).isEqualTo(0f);
  }

  @Property(tries = 100)
  void layerNormMatchesDoubleEvaluation(@ForAll @IntRange(min = 1, max = 40) int length, @ForAll long seed) {
    Random random = new Random(seed);
    float[] x = new float[2 * length];
    float[] scale = new float[length];
    float[] bias = new float[length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * 50 + 100);
    }
    for (int l = 0; l < length; l++) {
      scale[l] = (float) random.nextGaussian();
      bias[l] = (float) random.nextGaussian();
    }
    DeviceBuffer out = empty(DType.FLOAT32, x.length);
    KERNELS.layerNorm(floats(x), floats(scale), floats(bias), out, null, null, new Rows(2, length, 1), 1e-5f);
    double[] want = new double[x.length];
    for (int row = 0; row < 2; row++) {
      double mean = 0;
      for (int l = 0; l < length; l++) {
        mean += x[row * length + l];
      }
      mean /= length;
      double variance = 0;
      for (int l = 0; l < length; l++) {
        variance += Math.pow(x[row * length + l] - mean, 2);
      }
      variance /= length;
      for (int l = 0; l < length; l++) {
        want[row * length + l] = (x[row * length + l] - mean) / Math.sqrt(variance + 1e-5f) * scale[l] + bias[l];
      }
    }
    assertClose(readFloats(out), want, 1e-5, 1e-6);
  }
}
