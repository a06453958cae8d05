package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.TensorException.Kind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class FixedMultiplierTest {

  @Test
  void usesTheLargestShiftThatKeepsTheMultiplierInRange() {
    assertThat(FixedMultiplier.of(1.0)).isEqualTo(new FixedMultiplier(1 << 30, 30));
    assertThat(FixedMultiplier.of(0.5)).isEqualTo(new FixedMultiplier(1 << 30, 31));
    assertThat(FixedMultiplier.of(-0.75)).isEqualTo(new FixedMultiplier(-(3 << 29), 31));
    assertThat(FixedMultiplier.of(65536.0)).isEqualTo(new FixedMultiplier(1 << 30, 14));
    assertThat(FixedMultiplier.of(0x1p-40)).isEqualTo(new FixedMultiplier(1 << 22, 62));
  }

  @Test
  void zeroAndVanishingFactors() {
    assertThat(FixedMultiplier.of(0.0)).isEqualTo(new FixedMultiplier(0, 0));
    assertThat(FixedMultiplier.of(1e-30)).isEqualTo(new FixedMultiplier(0, 62));
  }

  @Test
  void refusesFactorsTooLargeOrNotFinite() {
    assertThat(FixedMultiplier.of(0x1p31 - 1)).isEqualTo(new FixedMultiplier(Integer.MAX_VALUE, 0));
    assertKind(() -> FixedMultiplier.of(0x1p31), Kind.INVALID_ARGUMENT);
    assertKind(() -> FixedMultiplier.of(Double.NaN), Kind.NOT_FINITE);
    assertKind(() -> FixedMultiplier.of(Double.POSITIVE_INFINITY), Kind.NOT_FINITE);
  }

  @Property
  void representsTheFactorToThirtyBits(@ForAll @DoubleRange(min = 0.01, max = 1e9) double real) {
    FixedMultiplier fixed = FixedMultiplier.of(real);
    assertThat(Math.abs((long) fixed.multiplier())).isGreaterThanOrEqualTo(1L << 30).isLessThan(1L << 31);
    assertThat(Math.abs(fixed.value() - real)).isLessThanOrEqualTo(real * 0x1p-30);
  }
}
