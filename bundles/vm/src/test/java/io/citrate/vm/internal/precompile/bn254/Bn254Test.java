package io.citrate.vm.internal.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class Bn254Test {
  private static final BigInteger TWIST_COFACTOR = Fp.MODULUS.shiftLeft(1).subtract(Bn254.CURVE_ORDER);

  @Test
  void psiEigenvalueIsPMinusR() {
    assertThat(Bn254.PSI_EIGENVALUE).isEqualTo(Fp.MODULUS.subtract(Bn254.CURVE_ORDER));
  }

  @Property(tries = 10)
  void multiplesOfTheGeneratorAreInG2(@ForAll @LongRange(min = 1) long k) {
    JacobianPoint<Fp2> point = Bn254Points.G2.multiply(BigInteger.valueOf(k));

    assertThat(Bn254.isInG2(point)).isTrue();
    assertThat(Bn254.psi(point).sameAs(point.multiply(Fp.MODULUS))).isTrue();
  }

  @Property(tries = 10)
  void theFastMembershipTestAgreesWithMultiplyingByR(@ForAll @IntRange(min = 1, max = 1000) int start) {
    JacobianPoint<Fp2> point = Bn254Points.twistPointFrom(start);
    JacobianPoint<Fp2> cleared = point.multiply(TWIST_COFACTOR);

    assertThat(Bn254.isInG2(point)).isEqualTo(point.multiply(Bn254.CURVE_ORDER).isInfinity()).isFalse();
    assertThat(Bn254.isInG2(cleared)).isEqualTo(cleared.multiply(Bn254.CURVE_ORDER).isInfinity()).isTrue();
  }

  @Test
  void theTwistHasOrderRTimesItsCofactor() {
    JacobianPoint<Fp2> point = Bn254Points.twistPointFrom(1);

    assertThat(point.multiply(TWIST_COFACTOR.multiply(Bn254.CURVE_ORDER)).isInfinity()).isTrue();
  }
}
