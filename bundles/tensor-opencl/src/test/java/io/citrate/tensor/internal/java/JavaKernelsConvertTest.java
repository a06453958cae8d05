package io.citrate.tensor.internal.java;

import static io.citrate.tensor.internal.java.Buffers.KERNELS;
import static io.citrate.tensor.internal.java.Buffers.empty;
import static io.citrate.tensor.internal.java.Buffers.floats;
import static io.citrate.tensor.internal.java.Buffers.ints;
import static io.citrate.tensor.internal.java.Buffers.readFloats;
import static io.citrate.tensor.internal.java.Buffers.readInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JavaKernelsConvertTest {

  private static int[] convertInts(DeviceBuffer in, DType to) {
    DeviceBuffer out = empty(to, in.count());
    KERNELS.convert(in, out);
    return readInts(out);
  }

  @Test
  void floatToIntegerTruncatesSaturatesAndMapsNaNToZero() {
    DeviceBuffer in = floats(-0.0f, Float.NaN, 2.9f, -2.9f, 1e10f, -1e10f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 300.7f, -128.9f);
    assertThat(convertInts(in, DType.INT32)).containsExactly(0, 0, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 300, -128);
    assertThat(convertInts(in, DType.INT8)).containsExactly(0, 0, 2, -2, 127, -128, 127, -128, 127, -128);
    assertThat(convertInts(in, DType.UINT8)).containsExactly(0, 0, 2, 0, 255, 0, 255, 0, 255, 0);
  }

  @Test
  void floatToFixedRoundsTiesToEvenSaturatesAndMapsNaNToZero() {
    float half = 1f / (1 << 17);
    assertThat(convertInts(floats(-0.0f, 1.5f, half, 3 * half, -half, 40000f, -40000f), DType.Q16_16))
        .containsExactly(0, 98304, 0, 2, 0, Integer.MAX_VALUE, Integer.MIN_VALUE);
    assertThat(convertInts(floats(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY), DType.Q16_16))
        .containsExactly(0, Integer.MAX_VALUE, Integer.MIN_VALUE);
  }

  @Test
  void integersToFixedShiftAndSaturate() {
    assertThat(convertInts(ints(DType.INT32, 1, -1, 32767, 32768, -32768, -32769), DType.Q16_16))
        .containsExactly(65536, -65536, 32767 << 16, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE);
    assertThat(convertInts(ints(DType.INT8, -128, 127), DType.Q16_16)).containsExactly(-128 << 16, 127 << 16);
    assertThat(convertInts(ints(DType.UINT8, 255), DType.Q16_16)).containsExactly(255 << 16);
  }

  @Test
  void fixedToIntegersRoundHalfToEvenInBothSigns() {
    int half = 1 << 15;
    DeviceBuffer in = ints(DType.Q16_16, half, 3 * half, 5 * half, -half, -3 * half, -5 * half, half + 1,
        -half - 1, 200 << 16, -200 << 16);
    assertThat(convertInts(in, DType.INT32)).containsExactly(0, 2, 2, 0, -2, -2, 1, -1, 200, -200);
    assertThat(convertInts(in, DType.INT8)).containsExactly(0, 2, 2, 0, -2, -2, 1, -1, 127, -128);
    assertThat(convertInts(in, DType.UINT8)).containsExactly(0, 2, 2, 0, 0, 0, 1, 0, 200, 0);
  }

  @Test
  void toFloatRoundsToNearest() {
    DeviceBuffer out = empty(DType.FLOAT32, 3);
    KERNELS.convert(ints(DType.INT32, 16_777_217, -7, Integer.MAX_VALUE), out);
    assertThat(readFloats(out)).containsExactly(16_777_216f, -7f, 2147483648f);
    DeviceBuffer fixed = empty(DType.FLOAT32, 3);
    KERNELS.convert(ints(DType.Q16_16, 1, -98304, Integer.MIN_VALUE), fixed);
    assertThat(readFloats(fixed)).containsExactly(1f / 65536, -1.5f, -32768f);
    DeviceBuffer bytes = empty(DType.FLOAT32, 2);
    KERNELS.convert(ints(DType.UINT8, 255, 0), bytes);
    assertThat(readFloats(bytes)).containsExactly(255f, 0f);
  }

  @Test
  void betweenIntegersSaturates() {
    assertThat(convertInts(ints(DType.INT32, -5, 300, 100), DType.UINT8)).containsExactly(0, 255, 100);
    assertThat(convertInts(ints(DType.UINT8, 200, 5), DType.INT8)).containsExactly(127, 5);
    assertThat(convertInts(ints(DType.INT8, -1, 7), DType.UINT8)).containsExactly(0, 7);
    assertThat(convertInts(ints(DType.INT8, -128), DType.INT32)).containsExactly(-128);
  }

  @Test
  void sameTypeCopies() {
    assertThat(convertInts(ints(DType.Q16_16, 5, -6), DType.Q16_16)).containsExactly(5, -6);
  }

  @Test
  void writingTheWrongCountOrTypeIsRefused() {
    DeviceBuffer buffer = empty(DType.INT32, 2);
    assertThatThrownBy(() -> KERNELS.write(buffer, new int[3])).isInstanceOf(TensorException.class);
    assertThatThrownBy(() -> KERNELS.write(buffer, new float[2])).isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.WRONG_DTYPE);
    buffer.close();
    buffer.close();
    assertThatThrownBy(() -> KERNELS.readInts(buffer)).isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.CLOSED);
  }

  @Property
  void floatToInt32IsJavasSaturatingCast(@ForAll float value) {
    assertThat(convertInts(floats(value), DType.INT32)).containsExactly((int) value);
  }

  @Property
  void fixedToInt32IsRoundShift(@ForAll int raw) {
    assertThat(convertInts(ints(DType.Q16_16, raw), DType.INT32))
        .containsExactly((int) FixedPoint.roundShift(raw, 16));
  }

  @Property
  void fixedToFloatIsExactDivisionOfTheRoundedRaw(@ForAll int raw) {
    DeviceBuffer out = empty(DType.FLOAT32, 1);
    KERNELS.convert(ints(DType.Q16_16, raw), out);
    assertThat(readFloats(out)[0]).isEqualTo(raw / 65536f);
  }
}
