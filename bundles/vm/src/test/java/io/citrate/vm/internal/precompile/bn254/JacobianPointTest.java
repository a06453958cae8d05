package io.citrate.vm.internal.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class JacobianPointTest {
  private static final JacobianPoint<Fp> G1 = Bn254Points.G1;
  private static final JacobianPoint<Fp2> G2 = Bn254Points.G2;

  @Test
  void doublingTheGeneratorGivesTheKnownPoint() {
    JacobianPoint<Fp> doubled = G1.doubled();

    assertThat(doubled.affineX().toBigInteger().toString(16))
        .isEqualTo("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3");
    assertThat(doubled.affineY().toBigInteger().toString(16))
        .isEqualTo("15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");
    assertThat(G1.add(G1).sameAs(doubled)).isTrue();
  }

  @Test
  void generatorsHaveOrderR() {
    assertThat(G1.multiply(Bn254.CURVE_ORDER).isInfinity()).isTrue();
    assertThat(G2.multiply(Bn254.CURVE_ORDER).isInfinity()).isTrue();
    assertThat(G1.multiply(Bn254.CURVE_ORDER.subtract(BigInteger.ONE)).sameAs(G1.negate())).isTrue();
  }

  @Test
  void infinityIsTheIdentity() {
    JacobianPoint<Fp> infinity = JacobianPoint.infinity(Fp.ONE);

    assertThat(infinity.add(G1).sameAs(G1)).isTrue();
    assertThat(G1.add(infinity).sameAs(G1)).isTrue();
    assertThat(G1.add(G1.negate()).isInfinity()).isTrue();
    assertThat(infinity.doubled().isInfinity()).isTrue();
    assertThat(G1.multiply(BigInteger.ZERO).isInfinity()).isTrue();
  }

  @Property(tries = 30)
  void scalarMultiplicationDistributesOverAddition(
      @ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
    BigInteger sa = BigInteger.valueOf(a);
    BigInteger sb = BigInteger.valueOf(b);

    assertThat(G1.multiply(sa.add(sb)).sameAs(G1.multiply(sa).add(G1.multiply(sb)))).isTrue();
    assertThat(G2.multiply(sa.add(sb)).sameAs(G2.multiply(sa).add(G2.multiply(sb)))).isTrue();
  }

  @Property(tries = 20)
  void multiplesStayOnTheCurve(@ForAll @LongRange(min = 1) long k) {
    JacobianPoint<Fp> point = G1.multiply(BigInteger.valueOf(k));
    Fp x = point.affineX();
    Fp y = point.affineY();

    assertThat(y.square()).isEqualTo(x.square().multiply(x).add(Bn254.B));
  }
}
