package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.internal.precompile.bn254.Bn254;
import io.citrate.vm.internal.precompile.bn254.Bn254Points;
import io.citrate.vm.internal.precompile.bn254.Fp2;
import io.citrate.vm.internal.precompile.bn254.Fp;
import io.citrate.vm.internal.precompile.bn254.JacobianPoint;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Bn254PrecompilesTest {
  private static final String G1 = word(1) + word(2);
  private static final String NEGATED_G1 = word(1) + word(Fp.MODULUS.subtract(BigInteger.TWO));
  private static final String G2 = g2(Bn254Points.G2);
  private static final String P = Fp.MODULUS.toString(16);

  private final Bn254AddPrecompile add = new Bn254AddPrecompile();
  private final Bn254MulPrecompile mul = new Bn254MulPrecompile();
  private final Bn254PairingPrecompile pairing = new Bn254PairingPrecompile();

  @Test
  void addsGoEthereumsVector() {
    String input = "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9"
        + "063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266"
        + "07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed"
        + "06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7";

    assertThat(output(add, input)).isEqualTo(
        "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703"
            + "301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915");
    assertThat(add.gasRequirement(new byte[0])).isEqualTo(150);
  }

  @Test
  void addingAPointToItsNegationGivesInfinity() {
    assertThat(output(add, G1 + NEGATED_G1)).isEqualTo("00".repeat(64));
  }

  @Test
  void addPadsShortInputAndIgnoresExtraBytes() {
    assertThat(output(add, "")).isEqualTo("00".repeat(64));
    assertThat(output(add, G1)).isEqualTo(G1);
    assertThat(output(add, G1 + G1 + "ff")).isEqualTo(output(mul, G1 + word(2)));
  }

  @Test
  void multipliesGoEthereumsVector() {
    String input = "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb7"
        + "21611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"
        + "00000000000000000000000000000000000000000000000011138ce750fa15c2";

    assertThat(output(mul, input)).isEqualTo(
        "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c"
            + "031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc");
    assertThat(mul.gasRequirement(new byte[0])).isEqualTo(6000);
  }

  @Test
  void scalarsActModuloTheGroupOrder() {
    assertThat(output(mul, G1 + word(0))).isEqualTo("00".repeat(64));
    assertThat(output(mul, G1 + word(Bn254.CURVE_ORDER))).isEqualTo("00".repeat(64));
    assertThat(output(mul, G1 + word(Bn254.CURVE_ORDER.add(BigInteger.TWO)))).isEqualTo(output(add, G1 + G1));
    assertThat(output(mul, G1 + "ff".repeat(32)))
        .isEqualTo(output(mul, G1 + word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(Bn254.CURVE_ORDER))));
  }

  @Test
  void mulPadsShortInput() {
    // G1 with a scalar cut short: its missing low bytes are zeros.
    assertThat(output(mul, G1 + "02")).isEqualTo(output(mul, G1 + "02" + "00".repeat(31)));
    assertThat(output(mul, "")).isEqualTo("00".repeat(64));
  }

  @Test
  void pointsOffTheCurveHalt() {
    String offCurve = word(1) + word(1);

    assertHalts(add, G1 + offCurve, "not on the curve");
    assertHalts(add, offCurve, "not on the curve");
    assertHalts(mul, offCurve + word(2), "not on the curve");
    assertHalts(pairing, offCurve + G2, "not on the curve");
  }

  @Test
  void coordinatesOfTheModulusOrMoreHalt() {
    // (p + 1, 2) would be G1 if coordinates were reduced.
    String unreduced = word(Fp.MODULUS.add(BigInteger.ONE)) + word(2);

    assertHalts(add, unreduced + G1, "field modulus");
    assertHalts(mul, unreduced + word(1), "field modulus");
    assertHalts(pairing, G1 + P + G2.substring(64), "field modulus");
  }

  @Test
  void pairingOfNothingIsOne() {
    assertThat(output(pairing, "")).isEqualTo(word(1));
    assertThat(pairing.gasRequirement(new byte[0])).isEqualTo(45_000);
    assertThat(pairing.gasRequirement(new byte[384])).isEqualTo(113_000);
  }

  @Test
  void pairingChecksGoEthereumsVector() {
    String input = "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
        + "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
        + "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
        + "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
        + "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
        + "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
        + "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
        + "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
        + "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
        + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
        + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
        + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    assertThat(output(pairing, input)).isEqualTo(word(1));
  }

  @Test
  void pairingChecksTheProductOfPairs() {
    assertThat(output(pairing, G1 + G2 + NEGATED_G1 + G2)).isEqualTo(word(1));
    assertThat(output(pairing, G1 + G2 + G1 + G2)).isEqualTo(word(0));
    assertThat(output(pairing, G1 + G2)).isEqualTo(word(0));
    assertThat(output(pairing, "00".repeat(64) + G2 + G1 + "00".repeat(128))).isEqualTo(word(1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 191, 193, 383})
  void pairingInputOfAnotherLengthHalts(int length) {
    assertHalts(pairing, "00".repeat(length), "multiple of 192");
  }

  @Test
  void g2PointsOffTheTwistHalt() {
    // G2 with its y coordinate's real part changed.
    String offTwist = G2.substring(0, 192) + word(1);

    assertHalts(pairing, G1 + offTwist, "not on the twist");
  }

  @Test
  void g2PointsOutsideTheSubgroupHalt() {
    assertHalts(pairing, G1 + g2(Bn254Points.twistPointFrom(1)), "subgroup");
  }

  private static void assertHalts(Precompile precompile, String hex, String reason) {
    PrecompileResult result = precompile.execute(Bytes.fromHex("0x" + hex), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).contains(reason);
  }

  private static String output(Precompile precompile, String hex) {
    PrecompileResult result = precompile.execute(Bytes.fromHex("0x" + hex), Contexts.ANY);
    assertThat(result.status()).as(result.haltReason()).isEqualTo(PrecompileResult.Status.SUCCESS);
    return Bytes.toHexNoPrefix(result.output());
  }

  private static String g2(JacobianPoint<Fp2> point) {
    Fp2 x = point.affineX();
    Fp2 y = point.affineY();
    return word(x.imaginary().toBigInteger()) + word(x.real().toBigInteger())
        + word(y.imaginary().toBigInteger()) + word(y.real().toBigInteger());
  }

  private static String word(long value) {
    return word(BigInteger.valueOf(value));
  }

  private static String word(BigInteger value) {
    String hex = value.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }
}
