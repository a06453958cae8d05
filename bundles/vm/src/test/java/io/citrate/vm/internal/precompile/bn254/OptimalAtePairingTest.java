package io.citrate.vm.internal.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OptimalAtePairingTest {
  private static final JacobianPoint<Fp> G1 = Bn254Points.G1;
  private static final JacobianPoint<Fp2> G2 = Bn254Points.G2;

  @Test
  void isNonDegenerateAndOfOrderR() {
    Fp12 e = OptimalAtePairing.pairing(G1, G2);

    assertThat(e.isOne()).isFalse();
    assertThat(e.pow(Bn254.CURVE_ORDER).isOne()).isTrue();
  }

  @Test
  void theHardPartOfTheFinalExponentiationIsTheExponentItself() {
    Fp12 f = OptimalAtePairing.millerLoop(List.of(new OptimalAtePairing.Pair(G1.multiply(BigInteger.valueOf(5)), G2)));
    BigInteger p = Fp.MODULUS;
    BigInteger hardExponent = p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE).divide(Bn254.CURVE_ORDER);
    Fp12 easy = f.conjugate().multiply(f.invert());
    easy = easy.frobenius(2).multiply(easy);

    assertThat(OptimalAtePairing.finalExponentiation(f)).isEqualTo(easy.pow(hardExponent));
  }

  @Test
  void frobeniusIsThePthPower() {
    Fp12 f = OptimalAtePairing.millerLoop(List.of(new OptimalAtePairing.Pair(G1, G2)));

    assertThat(f.frobenius(1)).isEqualTo(f.pow(Fp.MODULUS));
    assertThat(f.frobenius(2)).isEqualTo(f.frobenius(1).frobenius(1));
    assertThat(f.frobenius(3)).isEqualTo(f.frobenius(2).frobenius(1));
  }

  @Test
  void inversesMultiplyToOne() {
    Fp12 f = OptimalAtePairing.millerLoop(List.of(new OptimalAtePairing.Pair(G1, G2)));

    assertThat(f.multiply(f.invert()).isOne()).isTrue();
    assertThat(f.square()).isEqualTo(f.multiply(f));
  }

  @Test
  void multiplyingByALineMatchesTheFullProduct() {
    Fp12 f = OptimalAtePairing.millerLoop(List.of(new OptimalAtePairing.Pair(G1, G2)));
    Fp2 a = Bn254Points.fp2("3", "5");
    Fp2 b = Bn254Points.fp2("7", "11");
    Fp2 c = Bn254Points.fp2("13", "17");
    Fp12 line = new Fp12(new Fp6(a, Fp2.ZERO, Fp2.ZERO), new Fp6(b, c, Fp2.ZERO));

    assertThat(f.multiplyByLine(a, b, c)).isEqualTo(f.multiply(line));
  }

  @Property(tries = 5)
  void isBilinear(@ForAll @LongRange(min = 1, max = 1_000_000) long a, @ForAll @LongRange(min = 1, max = 1_000_000) long b) {
    BigInteger sa = BigInteger.valueOf(a);
    BigInteger sb = BigInteger.valueOf(b);

    Fp12 left = OptimalAtePairing.pairing(G1.multiply(sa), G2.multiply(sb));

    assertThat(left).isEqualTo(OptimalAtePairing.pairing(G1.multiply(sa.multiply(sb)), G2));
    assertThat(left).isEqualTo(OptimalAtePairing.pairing(G1, G2).pow(sa.multiply(sb)));
  }

  @Test
  void aPairingTimesThatOfTheNegatedPointIsOne() {
    JacobianPoint<Fp> p = G1.multiply(BigInteger.valueOf(123456789));
    JacobianPoint<Fp2> q = G2.multiply(BigInteger.valueOf(987654321));

    assertThat(OptimalAtePairing.isProductOne(List.of(
        new OptimalAtePairing.Pair(p, q), new OptimalAtePairing.Pair(p.negate(), q)))).isTrue();
    assertThat(OptimalAtePairing.isProductOne(List.of(
        new OptimalAtePairing.Pair(p, q), new OptimalAtePairing.Pair(p, q)))).isFalse();
  }

  @Test
  void pairsWithInfinityContributeOne() {
    assertThat(OptimalAtePairing.isProductOne(List.of())).isTrue();
    assertThat(OptimalAtePairing.isProductOne(List.of(
        new OptimalAtePairing.Pair(JacobianPoint.infinity(Fp.ONE), G2),
        new OptimalAtePairing.Pair(G1, JacobianPoint.infinity(Fp2.ONE))))).isTrue();
  }
}
