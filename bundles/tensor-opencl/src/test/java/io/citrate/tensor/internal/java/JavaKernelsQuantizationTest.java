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
import io.citrate.tensor.internal.kernel.Geometry.Channels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Channel affine, quantize, dequantize and both requantizations. */
class JavaKernelsQuantizationTest {
  private static final Channels FLAT = new Channels(1, 1, 1);

  private static Channels flat(int count) {
    return new Channels(1, 1, count);
  }

  @Test
  void channelAffineAppliesPerChannelScaleAndOffset() {
    DeviceBuffer out = empty(DType.FLOAT32, 8);
    // (outer 2, channels 2, inner 2).
    KERNELS.channelAffine(floats(1, 2, 3, 4, 5, 6, 7, 8), out, new Channels(2, 2, 2), new float[] {2, -1},
        new float[] {0.5f, 10});
    assertThat(readFloats(out)).containsExactly(2.5f, 4.5f, 7, 6, 10.5f, 12.5f, 3, 2);
  }

  private static int[] quantize(DType to, float scale, int zeroPoint, float... values) {
    DeviceBuffer out = empty(to, values.length);
    KERNELS.quantize(floats(values), out, flat(values.length), new float[] {scale}, new int[] {zeroPoint});
    return readInts(out);
  }

  @Test
  void quantizeRoundsHalfToEvenSaturatesAndTreatsNaNAsZero() {
    assertThat(quantize(DType.INT8, 1, 0, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, -0.0f))
        .containsExactly(0, 2, 2, 0, -2, -2, 0);
    assertThat(quantize(DType.UINT8, 0.5f, 128, 10f, -100f, 100f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY)).containsExactly(148, 0, 255, 128, 255, 0);
    assertThat(quantize(DType.INT8, 2, -3, 5f, 3f)).containsExactly(-1, -1);
  }

  @Test
  void quantizePerChannel() {
    DeviceBuffer out = empty(DType.INT8, 4);
    KERNELS.quantize(floats(1, 2, 1, 2), out, new Channels(1, 2, 2), new float[] {1, 0.5f}, new int[] {0, 1});
    assertThat(readInts(out)).containsExactly(1, 2, 3, 5);
  }

  @Test
  void dequantizeSubtractsZeroPointThenScales() {
    DeviceBuffer out = empty(DType.FLOAT32, 3);
    KERNELS.dequantize(ints(DType.UINT8, 0, 128, 255), out, flat(3), new float[] {0.5f}, new int[] {128});
    assertThat(readFloats(out)).containsExactly(-64f, 0f, 63.5f);
    DeviceBuffer wide = empty(DType.FLOAT32, 2);
    KERNELS.dequantize(ints(DType.INT32, 16_777_217, -3), wide, flat(2), new float[] {1}, new int[] {0});
    assertThat(readFloats(wide)).containsExactly(16_777_216f, -3f);
  }

  @Test
  void requantizeFloatRoundsTheFloatProduct() {
    DeviceBuffer out = empty(DType.INT8, 6);
    KERNELS.requantizeFloat(ints(DType.INT32, 5, 3, -5, -3, 1000, -1000), out, flat(6), new float[] {0.5f},
        new int[] {1});
    assertThat(readInts(out)).containsExactly(3, 3, -1, -1, 127, -128);
  }

  private static int[] requantizeFixed(DType from, DType to, int inZero, int multiplier, int shift, int outZero,
      int... values) {
    DeviceBuffer out = empty(to, values.length);
    KERNELS.requantizeFixed(ints(from, values), out, flat(values.length), new int[] {inZero},
        new int[] {multiplier}, new int[] {shift}, new int[] {outZero});
    return readInts(out);
  }

  @Test
  void requantizeFixedRoundsTiesToEvenInBothSigns() {
    // x * 1 / 2: 1 -> 0.5 -> 0, 3 -> 1.5 -> 2, 5 -> 2.5 -> 2, and the negatives mirror them.
    assertThat(requantizeFixed(DType.INT32, DType.INT32, 0, 1, 1, 0, 1, 3, 5, -1, -3, -5, 7))
        .containsExactly(0, 2, 2, 0, -2, -2, 4);
    // Shift 0 keeps the product; the output zero point is added after rounding.
    assertThat(requantizeFixed(DType.INT8, DType.INT8, -3, 2, 0, 5, -128, 0, 10)).containsExactly(-128, 11, 31);
  }

  @Test
  void requantizeFixedSaturatesToTheOutputType() {
    assertThat(requantizeFixed(DType.INT32, DType.UINT8, 0, 1, 0, 0, -1, 256, 255)).containsExactly(0, 255, 255);
    assertThat(requantizeFixed(DType.INT32, DType.INT32, 0, Integer.MAX_VALUE, 0, 0, Integer.MAX_VALUE,
        Integer.MIN_VALUE)).containsExactly(Integer.MAX_VALUE, Integer.MIN_VALUE);
    // The largest product, 2^31 * 2^31, shifted by 62 is exactly 1.
    assertThat(requantizeFixed(DType.Q16_16, DType.Q16_16, 0, Integer.MIN_VALUE, 62, 0, Integer.MIN_VALUE))
        .containsExactly(1);
    // Q16_16 to UINT8 as a fixed-point QuantizeLinear: value 2.75 / scale 0.5 = 5.5 -> 6, plus zero point 10.
    assertThat(requantizeFixed(DType.Q16_16, DType.UINT8, 0, 2, 16, 10, (int) (2.75 * 65536))).containsExactly(16);
  }

  @Test
  void requantizeFixedPerChannel() {
    DeviceBuffer out = empty(DType.INT8, 4);
    KERNELS.requantizeFixed(ints(DType.UINT8, 10, 20, 10, 20), out, new Channels(2, 2, 1), new int[] {10, 0},
        new int[] {3, 1}, new int[] {0, 1}, new int[] {0, -1});
    assertThat(readInts(out)).containsExactly(0, 9, 0, 9);
  }

  @Property
  void requantizeFixedMatchesItsFormula(@ForAll int x, @ForAll @IntRange(min = 0, max = 255) int quantized,
      @ForAll @IntRange(min = 0, max = 255) int inZero, @ForAll int multiplier,
      @ForAll @IntRange(min = 0, max = 62) int shift, @ForAll @IntRange(min = -128, max = 127) int outZero) {
    long want = FixedPoint.roundShift((long) x * multiplier, shift) + outZero;
    assertThat(requantizeFixed(DType.INT32, DType.INT8, 0, multiplier, shift, outZero, x))
        .containsExactly((int) Math.max(-128, Math.min(127, want)));
    assertThat(requantizeFixed(DType.INT32, DType.Q16_16, 0, multiplier, shift, outZero, x))
        .containsExactly(FixedPoint.saturate(want));
    long dequantized = FixedPoint.roundShift((long) (quantized - inZero) * multiplier, shift);
    assertThat(requantizeFixed(DType.UINT8, DType.Q16_16, inZero, multiplier, shift, 0, quantized))
        .containsExactly(FixedPoint.saturate(dequantized));
  }

  @Test
  void singleEntryParametersApplyToEveryChannel() {
    DeviceBuffer out = empty(DType.FLOAT32, 2);
    KERNELS.channelAffine(floats(1, 2), out, new Channels(1, 2, 1), new float[] {3}, new float[] {1});
    assertThat(readFloats(out)).containsExactly(4, 7);
    DeviceBuffer one = empty(DType.FLOAT32, 1);
    KERNELS.channelAffine(floats(1), one, FLAT, new float[] {-1}, new float[] {0});
    assertThat(readFloats(one)).containsExactly(-1);
  }
}
