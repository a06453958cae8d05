package io.citrate.core.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class RecoveryMultiplierTest {
  private static final BigInteger N = Secp256k1.CURVE_ORDER;

  @Property(tries = 300)
  void agreesWithBouncyCastleOnRandomScalarsAndPoints(@ForAll long seed) {
    Random random = new Random(seed);
    ECPoint point = Secp256k1.G.multiply(scalar(random)).normalize();
    assertAgrees(scalar(random), point, scalar(random));
  }

  @Test
  void agreesWithBouncyCastleWhereTheAdditionFormulaHitsEqualOrOppositePoints() {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      BigInteger k = scalar(random);
      // With R = G, equal scalars put the same table point into the sum twice in a row (a doubling).
      assertAgrees(k, Secp256k1.G, k);
      assertAgrees(BigInteger.ONE, Secp256k1.G, k);
      assertAgrees(k, Secp256k1.G.negate().normalize(), k.add(BigInteger.ONE).mod(N));
      assertAgrees(BigInteger.ZERO, Secp256k1.G, k);
      assertAgrees(k, Secp256k1.G, BigInteger.ZERO);
    }
  }

  @Test
  void handlesPartialSumsThatMeetTheAddedPointOrItsNegation() {
    ECPoint minusG = Secp256k1.G.negate().normalize();
    // Small scalars stay whole under the GLV split, so their digits are easy to line up.
    assertAgrees(BigInteger.ONE, Secp256k1.G, BigInteger.ONE); // G + G: the doubling case
    assertAgrees(BigInteger.TWO, Secp256k1.G, BigInteger.TWO);
    // Bit 9 of both scalars cancels (G - G), the sum passes through infinity, then bit 0 adds G.
    assertAgrees(BigInteger.valueOf(513), minusG, BigInteger.valueOf(512));
  }

  @Test
  void rejectsASumAtInfinity() {
    BigInteger k = new BigInteger("123456789abcdef0123456789abcdef0123456789abcdef", 16);
    assertThatThrownBy(() -> RecoveryMultiplier.sumOfMultiplies(k, Secp256k1.G, N.subtract(k)))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> RecoveryMultiplier.sumOfMultiplies(BigInteger.ZERO, Secp256k1.G, BigInteger.ZERO))
        .isInstanceOf(InvalidSignatureException.class);
  }

  private static void assertAgrees(BigInteger generatorFactor, ECPoint point, BigInteger pointFactor) {
    ECPoint expected = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, generatorFactor, point, pointFactor).normalize();
    byte[] encoded = expected.getEncoded(false);
    assertThat(RecoveryMultiplier.sumOfMultiplies(generatorFactor, point, pointFactor))
        .isEqualTo(Arrays.copyOfRange(encoded, 1, encoded.length));
  }

  private static BigInteger scalar(Random random) {
    return new BigInteger(N.bitLength(), random).mod(N);
  }
}
