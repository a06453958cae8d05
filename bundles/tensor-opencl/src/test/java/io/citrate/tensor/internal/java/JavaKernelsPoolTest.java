package io.citrate.tensor.internal.java;

import static io.citrate.tensor.internal.java.Buffers.KERNELS;
import static io.citrate.tensor.internal.java.Buffers.empty;
import static io.citrate.tensor.internal.java.Buffers.floats;
import static io.citrate.tensor.internal.java.Buffers.ints;
import static io.citrate.tensor.internal.java.Buffers.readFloats;
import static io.citrate.tensor.internal.java.Buffers.readInts;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.PoolKind;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JavaKernelsPoolTest {

  /** A 2-D pool (leading spatial dimension 1) with the same kernel, stride and pads on both axes. */
  private static Pool pool2d(int planes, int height, int width, int kernel, int stride, int padBegin, int padEnd,
      int dilation) {
    int outHeight = (height + padBegin + padEnd - dilation * (kernel - 1) - 1) / stride + 1;
    int outWidth = (width + padBegin + padEnd - dilation * (kernel - 1) - 1) / stride + 1;
    return new Pool(planes, new int[] {1, height, width}, new int[] {1, outHeight, outWidth},
        new int[] {1, kernel, kernel}, new int[] {1, stride, stride}, new int[] {0, padBegin, padBegin},
        new int[] {0, padEnd, padEnd}, new int[] {1, dilation, dilation});
  }

  private static int outCount(Pool g) {
    return g.planes() * g.outDims()[0] * g.outDims()[1] * g.outDims()[2];
  }

  @Test
  void maxPoolReportsFlattenedIndicesAcrossPlanes() {
    // Two 2x2 planes, 2x2 kernel, stride 1, pad 1 on both sides: 3x3 outputs per plane.
    Pool g = pool2d(2, 2, 2, 2, 1, 1, 1, 1);
    DeviceBuffer out = empty(DType.FLOAT32, outCount(g));
    DeviceBuffer indices = empty(DType.INT32, outCount(g));
    KERNELS.pool(PoolKind.MAX, floats(1, 4, 3, 2, -1, -2, -3, -4), out, indices, g);
    assertThat(readFloats(out)).containsExactly(1, 4, 4, 3, 4, 4, 3, 3, 2, -1, -1, -2, -1, -1, -2, -3, -3, -4);
    assertThat(readInts(indices)).containsExactly(0, 1, 1, 2, 1, 1, 2, 2, 3, 4, 4, 5, 4, 4, 5, 6, 6, 7);
  }

  @Test
  void firstMaximumInWindowOrderWins() {
    Pool g = pool2d(1, 2, 2, 2, 1, 0, 0, 1);
    DeviceBuffer out = empty(DType.INT8, 1);
    DeviceBuffer indices = empty(DType.INT32, 1);
    KERNELS.pool(PoolKind.MAX, ints(DType.INT8, -5, 7, 7, 7), out, indices, g);
    assertThat(readInts(out)).containsExactly(7);
    assertThat(readInts(indices)).containsExactly(1);
    DeviceBuffer floatOut = empty(DType.FLOAT32, 1);
    KERNELS.pool(PoolKind.MAX, floats(1, Float.NaN, 9, Float.NaN), floatOut, indices, g);
    assertThat(readFloats(floatOut)).containsExactly(Float.NaN);
    assertThat(readInts(indices)).containsExactly(1);
  }

  @Test
  void averagesCountPaddingOnlyWhenAsked() {
    // One 2x2 plane of 1..4, 2x2 kernel, stride 2, pad 1: four windows of one tap each.
    Pool g = pool2d(1, 2, 2, 2, 2, 1, 1, 1);
    DeviceBuffer out = empty(DType.FLOAT32, 4);
    KERNELS.pool(PoolKind.AVERAGE_EXCLUDING_PAD, floats(1, 2, 3, 4), out, null, g);
    assertThat(readFloats(out)).containsExactly(1, 2, 3, 4);
    KERNELS.pool(PoolKind.AVERAGE_INCLUDING_PAD, floats(1, 2, 3, 4), out, null, g);
    assertThat(readFloats(out)).containsExactly(0.25f, 0.5f, 0.75f, 1);
  }

  @Test
  void includingPadCountStopsAtTheEndPadding() {
    // 1-D: length 3, kernel 2, stride 2, pad begin 0, pad end 0, but a ceil-mode output whose window runs past
    // the end: out[1] covers positions 2 and 3; only position 2 lies inside the padded input.
    Pool g = new Pool(1, new int[] {1, 1, 3}, new int[] {1, 1, 2}, new int[] {1, 1, 2}, new int[] {1, 1, 2},
        new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
    DeviceBuffer out = empty(DType.FLOAT32, 2);
    KERNELS.pool(PoolKind.AVERAGE_INCLUDING_PAD, floats(2, 4, 9), out, null, g);
    assertThat(readFloats(out)).containsExactly(3, 9);
  }

  @Test
  void integerAveragesRoundHalfToEven() {
    // 1-D windows of two: (1 + 2) / 2 = 1.5 -> 2, (2 + 3) / 2 = 2.5 -> 2, (-1 + -2) -> -2, (-2 + -3) -> -2.
    Pool g = new Pool(1, new int[] {1, 1, 6}, new int[] {1, 1, 5}, new int[] {1, 1, 2}, new int[] {1, 1, 1},
        new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
    DeviceBuffer out = empty(DType.INT32, 5);
    KERNELS.pool(PoolKind.AVERAGE_EXCLUDING_PAD, ints(DType.INT32, 1, 2, 3, -1, -2, -3), out, null, g);
    assertThat(readInts(out)).containsExactly(2, 2, 1, -2, -2);
    DeviceBuffer bytes = empty(DType.UINT8, 5);
    KERNELS.pool(PoolKind.AVERAGE_INCLUDING_PAD, ints(DType.UINT8, 255, 255, 0, 1, 2, 3), bytes, null, g);
    assertThat(readInts(bytes)).containsExactly(255, 128, 0, 2, 2);
  }

  @Test
  void fixedPointAverageSumsInInt64() {
    int max = Integer.MAX_VALUE;
    Pool g = new Pool(1, new int[] {1, 1, 2}, new int[] {1, 1, 1}, new int[] {1, 1, 2}, new int[] {1, 1, 1},
        new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
    DeviceBuffer out = empty(DType.Q16_16, 1);
    KERNELS.pool(PoolKind.AVERAGE_EXCLUDING_PAD, ints(DType.Q16_16, max, max), out, null, g);
    assertThat(readInts(out)).containsExactly(max);
  }

  @Test
  void threeDimensionalWindows() {
    // 2x2x2 cube of 0..7, 2x2x2 kernel: max 7 at index 7, mean 3.5.
    Pool g = new Pool(1, new int[] {2, 2, 2}, new int[] {1, 1, 1}, new int[] {2, 2, 2}, new int[] {1, 1, 1},
        new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
    DeviceBuffer out = empty(DType.FLOAT32, 1);
    DeviceBuffer indices = empty(DType.INT32, 1);
    KERNELS.pool(PoolKind.MAX, floats(0, 1, 2, 3, 4, 5, 6, 7), out, indices, g);
    assertThat(readFloats(out)).containsExactly(7);
    assertThat(readInts(indices)).containsExactly(7);
    KERNELS.pool(PoolKind.AVERAGE_EXCLUDING_PAD, floats(0, 1, 2, 3, 4, 5, 6, 7), out, null, g);
    assertThat(readFloats(out)).containsExactly(3.5f);
  }

  @Property(tries = 100)
  void poolsMatchADirectDefinition(@ForAll @IntRange(min = 1, max = 7) int height,
      @ForAll @IntRange(min = 1, max = 7) int width, @ForAll @IntRange(min = 1, max = 3) int kernel,
      @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 1) int pad,
      @ForAll @IntRange(min = 1, max = 2) int dilation, @ForAll long seed) {
    Pool g = pool2d(2, height, width, kernel, stride, pad, pad, dilation);
    if (g.outDims()[1] < 1 || g.outDims()[2] < 1) {
      return;
    }
    Random random = new Random(seed);
    int[] x = random.ints(2 * height * width, -1000, 1000).toArray();
    int count = outCount(g);
    DeviceBuffer maxima = empty(DType.Q16_16, count);
    DeviceBuffer indices = empty(DType.INT32, count);
    DeviceBuffer excluding = empty(DType.Q16_16, count);
    DeviceBuffer including = empty(DType.Q16_16, count);
    KERNELS.pool(PoolKind.MAX, ints(DType.Q16_16, x), maxima, indices, g);
    KERNELS.pool(PoolKind.AVERAGE_EXCLUDING_PAD, ints(DType.Q16_16, x), excluding, null, g);
    KERNELS.pool(PoolKind.AVERAGE_INCLUDING_PAD, ints(DType.Q16_16, x), including, null, g);
    int[] gotMax = readInts(maxima);
    int[] gotIndex = readInts(indices);
    int[] gotExcluding = readInts(excluding);
    int[] gotIncluding = readInts(including);
    int outHeight = g.outDims()[1];
    int outWidth = g.outDims()[2];
    for (int plane = 0; plane < 2; plane++) {
      for (int oh = 0; oh < outHeight; oh++) {
        for (int ow = 0; ow < outWidth; ow++) {
          long sum = 0;
          int inside = 0;
          int padded = 0;
          int best = Integer.MIN_VALUE;
          int bestIndex = -1;
          for (int kh = 0; kh < kernel; kh++) {
            for (int kw = 0; kw < kernel; kw++) {
              int ih = oh * stride - pad + kh * dilation;
              int iw = ow * stride - pad + kw * dilation;
              if (ih >= -pad && ih < height + pad && iw >= -pad && iw < width + pad) {
                padded++;
              }
              if (ih < 0 || ih >= height || iw < 0 || iw >= width) {
                continue;
              }
              int index = (plane * height + ih) * width + iw;
              inside++;
              sum += x[index];
              if (bestIndex < 0 || x[index] > best) {
                best = x[index];
                bestIndex = index;
              }
            }
          }
          int target = (plane * outHeight + oh) * outWidth + ow;
          assertThat(gotMax[target]).isEqualTo(best);
          assertThat(gotIndex[target]).isEqualTo(bestIndex);
          // A window wholly in the padding has no maximum (least value, index -1) and averages to 0.
          assertThat(gotExcluding[target]).isEqualTo(inside == 0 ? 0 : (int) FixedPoint.divideRounded(sum, inside));
          assertThat(gotIncluding[target]).isEqualTo(inside == 0 ? 0 : (int) FixedPoint.divideRounded(sum, padded));
        }
      }
    }
  }
}
