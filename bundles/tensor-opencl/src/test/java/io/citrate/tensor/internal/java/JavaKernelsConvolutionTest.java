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
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JavaKernelsConvolutionTest {

  /** The geometry ONNX would resolve, with symmetric padding. */
  private static Conv conv(int batch, int channels, int height, int width, int outChannels, int kernelHeight,
      int kernelWidth, int stride, int pad, int dilation, int groups) {
    int outHeight = (height + 2 * pad - dilation * (kernelHeight - 1) - 1) / stride + 1;
    int outWidth = (width + 2 * pad - dilation * (kernelWidth - 1) - 1) / stride + 1;
    return new Conv(batch, channels, height, width, outChannels, kernelHeight, kernelWidth, outHeight, outWidth,
        stride, stride, pad, pad, dilation, dilation, groups);
  }

  @Test
  void threeByThreeWithPaddingByHand() {
    // 1x1x3x3 input of 1..9, all-ones 3x3 kernel, pad 1: each output sums its neighbourhood, plus bias 0.5.
    DeviceBuffer out = empty(DType.FLOAT32, 9);
    KERNELS.conv2d(floats(1, 2, 3, 4, 5, 6, 7, 8, 9), floats(1, 1, 1, 1, 1, 1, 1, 1, 1), floats(0.5f), out,
        conv(1, 1, 3, 3, 1, 3, 3, 1, 1, 1, 1));
    assertThat(readFloats(out)).containsExactly(12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f);
  }

  @Test
  void pointwiseConvolutionIsAChannelMix() {
    // 1x2x1x2 input, weights 2x2x1x1.
    DeviceBuffer out = empty(DType.FLOAT32, 4);
    KERNELS.conv2d(floats(1, 2, 3, 4), floats(1, 1, 1, -1), null, out, conv(1, 2, 1, 2, 2, 1, 1, 1, 0, 1, 1));
    assertThat(readFloats(out)).containsExactly(4, 6, -2, -2);
  }

  @Test
  void fixedPointRoundsTheInt64SumOnceWithTheBiasShifted() {
    // x = 0.5 and 1.5 raw units' worth: 1 * 2^15 + 2 * 2^15 = 3 * 2^15 -> 1.5 -> 2; bias 1.0 adds 65536.
    DeviceBuffer out = empty(DType.Q16_16, 1);
    KERNELS.conv2d(ints(DType.Q16_16, 1, 2), ints(DType.Q16_16, 1 << 15, 1 << 15), ints(DType.Q16_16, 1 << 16),
        out, conv(1, 1, 1, 2, 1, 1, 2, 1, 0, 1, 1));
    assertThat(readInts(out)).containsExactly(65536 + 2);
    KERNELS.conv2d(ints(DType.Q16_16, 200 << 16), ints(DType.Q16_16, 200 << 16), null, out,
        conv(1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1));
    assertThat(readInts(out)).containsExactly(Integer.MAX_VALUE);
  }

  @Property(tries = 80)
  void floatConvolutionMatchesDirectDefinition(@ForAll @IntRange(min = 1, max = 2) int batch,
      @ForAll @IntRange(min = 1, max = 2) int groups, @ForAll @IntRange(min = 1, max = 3) int channelsPerGroup,
      @ForAll @IntRange(min = 1, max = 3) int outputsPerGroup, @ForAll @IntRange(min = 1, max = 9) int height,
      @ForAll @IntRange(min = 1, max = 9) int width, @ForAll @IntRange(min = 1, max = 3) int kernel,
      @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 2) int pad,
      @ForAll @IntRange(min = 1, max = 2) int dilation, @ForAll boolean withBias, @ForAll long seed) {
    Conv g = conv(batch, groups * channelsPerGroup, height, width, groups * outputsPerGroup, kernel, kernel, stride,
        pad, dilation, groups);
    if (g.outHeight() < 1 || g.outWidth() < 1) {
      return;
    }
    Random random = new Random(seed);
    int[] x = random.ints(batch * g.inChannels() * height * width, -50, 50).toArray();
    int[] w = random.ints(g.outChannels() * channelsPerGroup * kernel * kernel, -50, 50).toArray();
    int[] bias = withBias ? random.ints(g.outChannels(), -50, 50).toArray() : null;
    long[] want = directConvolution(g, x, w, bias, 0, new int[] {0});
    // Small integers in floats: every partial sum is exact, so the float result must equal the definition.
    DeviceBuffer out = empty(DType.FLOAT32, want.length);
    KERNELS.conv2d(floats(toFloats(x)), floats(toFloats(w)), withBias ? floats(toFloats(bias)) : null, out, g);
    float[] got = readFloats(out);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).as("element %d", i).isEqualTo((float) want[i]);
    }
    // The same in Q16_16 with raw values: sum of raw products, bias shifted, rounded once.
    DeviceBuffer fixed = empty(DType.Q16_16, want.length);
    int[] shiftedX = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      shiftedX[i] = x[i] * 1000;
    }
    long[] wantFixed = directConvolution(g, shiftedX, w, bias == null ? null : shift(bias), 0, new int[] {0});
    KERNELS.conv2d(ints(DType.Q16_16, shiftedX), ints(DType.Q16_16, w), withBias ? ints(DType.Q16_16, bias) : null,
        fixed, g);
    int[] gotFixed = readInts(fixed);
    for (int i = 0; i < want.length; i++) {
      assertThat(gotFixed[i]).isEqualTo(FixedPoint.saturate(FixedPoint.roundShift(wantFixed[i], 16)));
    }
  }

  @Property(tries = 80)
  void integerConvolutionMatchesDirectDefinition(@ForAll @IntRange(min = 1, max = 2) int groups,
      @ForAll @IntRange(min = 1, max = 3) int channelsPerGroup, @ForAll @IntRange(min = 1, max = 3) int outputsPerGroup,
      @ForAll @IntRange(min = 1, max = 8) int height, @ForAll @IntRange(min = 1, max = 8) int width,
      @ForAll @IntRange(min = 1, max = 3) int kernel, @ForAll @IntRange(min = 1, max = 2) int stride,
      @ForAll @IntRange(min = 0, max = 2) int pad, @ForAll @IntRange(min = 1, max = 2) int dilation,
      @ForAll boolean signedX, @ForAll boolean signedW, @ForAll boolean perChannel, @ForAll long seed) {
    Conv g = conv(2, groups * channelsPerGroup, height, width, groups * outputsPerGroup, kernel, kernel, stride, pad,
        dilation, groups);
    if (g.outHeight() < 1 || g.outWidth() < 1) {
      return;
    }
    Random random = new Random(seed);
    DType xType = signedX ? DType.INT8 : DType.UINT8;
    DType wType = signedW ? DType.INT8 : DType.UINT8;
    int[] x = JavaKernelsMatmulTest.eightBit(random, xType, 2 * g.inChannels() * height * width);
    int[] w = JavaKernelsMatmulTest.eightBit(random, wType, g.outChannels() * channelsPerGroup * kernel * kernel);
    int xZero = JavaKernelsMatmulTest.eightBit(random, xType, 1)[0];
    int[] wZero = JavaKernelsMatmulTest.eightBit(random, wType, perChannel ? g.outChannels() : 1);
    long[] want = directConvolution(g, x, w, null, xZero, wZero);
    DeviceBuffer out = empty(DType.INT32, want.length);
    KERNELS.convInteger(ints(xType, x), ints(wType, w), out, g, xZero, wZero);
    int[] got = readInts(out);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).as("element %d", i).isEqualTo((int) want[i]);
    }
  }

  @Test
  void largeConvolutionSplitsItsIm2colIntoSlices() {
    // 64 taps x 256 positions fits one slice; 9 x 64 = 576 taps x 16384 positions needs several.
    Conv g = conv(1, 64, 128, 128, 2, 3, 3, 1, 1, 1, 1);
    Random random = new Random(11);
    int[] x = random.ints(64 * 128 * 128, -3, 4).toArray();
    int[] w = random.ints(2 * 64 * 9, -3, 4).toArray();
    long[] want = directConvolution(g, x, w, null, 0, new int[] {0});
    DeviceBuffer out = empty(DType.FLOAT32, want.length);
    KERNELS.conv2d(floats(toFloats(x)), floats(toFloats(w)), null, out, g);
    float[] got = readFloats(out);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).isEqualTo((float) want[i]);
    }
  }

  /** Sum over taps inside the input of (x - xZero)(w - wZero[m]) plus bias, in int64. */
  private static long[] directConvolution(Conv g, int[] x, int[] w, int[] bias, int xZero, int[] wZero) {
    int channelsPerGroup = g.inChannels() / g.groups();
    int outputsPerGroup = g.outChannels() / g.groups();
    long[] out = new long[g.batch() * g.outChannels() * g.outHeight() * g.outWidth()];
    for (int n = 0; n < g.batch(); n++) {
      for (int m = 0; m < g.outChannels(); m++) {
        int group = m / outputsPerGroup;
        for (int oh = 0; oh < g.outHeight(); oh++) {
          for (int ow = 0; ow < g.outWidth(); ow++) {
            long sum = bias == null ? 0 : bias[m];
            for (int c = 0; c < channelsPerGroup; c++) {
              for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++) {
                  int ih = oh * g.strideHeight() - g.padTop() + kh * g.dilationHeight();
                  int iw = ow * g.strideWidth() - g.padLeft() + kw * g.dilationWidth();
                  if (ih < 0 || ih >= g.inHeight() || iw < 0 || iw >= g.inWidth()) {
                    continue;
                  }
                  int channel = group * channelsPerGroup + c;
                  long xValue = x[((n * g.inChannels() + channel) * g.inHeight() + ih) * g.inWidth() + iw] - xZero;
                  long wValue = w[((m * channelsPerGroup + c) * g.kernelHeight() + kh) * g.kernelWidth() + kw]
                      - wZero[wZero.length == 1 ? 0 : m];
                  sum += xValue * wValue;
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

  private static int[] shift(int[] bias) {
    int[] shifted = new int[bias.length];
    for (int i = 0; i < bias.length; i++) {
      shifted[i] = bias[i] << 16;
    }
    return shifted;
  }

  private static float[] toFloats(int[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
