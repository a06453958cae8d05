package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException.Kind;
import org.junit.jupiter.api.Test;

class HostParametersTest {

  @Test
  void integerClipBoundsRoundInwardAndClampToTheType() {
    assertThat(HostParameters.clipBounds(DType.INT32, -1.5, 2.5)).containsExactly(-1, 2);
    assertThat(HostParameters.clipBounds(DType.INT8, -1000, 1000)).containsExactly(-128, 127);
    assertThat(HostParameters.clipBounds(DType.UINT8, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
        .containsExactly(0, 255);
    assertThat(HostParameters.clipBounds(DType.INT32, 0.2, 0.8)).containsExactly(1, 0);
  }

  @Test
  void fixedPointClipBoundsConvertByFromDouble() {
    assertThat(HostParameters.clipBounds(DType.Q16_16, -0.5, 1.25))
        .containsExactly(-FixedPoint.ONE / 2, FixedPoint.ONE + FixedPoint.ONE / 4);
    assertThat(HostParameters.clipBounds(DType.Q16_16, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
        .containsExactly(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Test
  void floatBoundsAreFloats() {
    assertThat(HostParameters.clipBounds(DType.FLOAT32, 0.1, Double.POSITIVE_INFINITY))
        .containsExactly((float) 0.1, Double.POSITIVE_INFINITY);
  }

  @Test
  void refusesNaN() {
    assertKind(() -> HostParameters.clipBounds(DType.INT32, Double.NaN, 1), Kind.INVALID_ARGUMENT);
    assertKind(() -> HostParameters.leakyReluAlpha(DType.FLOAT32, Float.NaN), Kind.INVALID_ARGUMENT);
  }

  @Test
  void leakyReluAlphaIsRawForFixedPoint() {
    assertThat(HostParameters.leakyReluAlpha(DType.Q16_16, 0.25f)).isEqualTo(FixedPoint.ONE / 4);
    assertThat(HostParameters.leakyReluAlpha(DType.FLOAT32, 0.25f)).isEqualTo(0.25);
  }
}
