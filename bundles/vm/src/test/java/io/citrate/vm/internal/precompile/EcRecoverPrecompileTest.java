package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcRecoverPrecompileTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  private static final Hash MESSAGE = Keccak256.hash("citrate".getBytes(StandardCharsets.UTF_8));

  private final EcRecoverPrecompile ecrecover = new EcRecoverPrecompile();

  @Test
  void recoversTheSignersAddressAsAWord() {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);

    PrecompileResult result = ecrecover.execute(input(MESSAGE, 27 + signature.recoveryId(), signature.r(),
        signature.s()), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(result.output()).isEqualTo(Bytes.leftPad(KEY.publicKey().toAddress().toArray(), 32));
  }

  @Test
  void recoversGoEthereumsVector() {
    byte[] input = Bytes.fromHex("0x38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e"
        + "000000000000000000000000000000000000000000000000000000000000001b"
        + "38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e"
        + "789d1dd423d25f0772d2748d60f7e4b81bb14d086eba8e8e8efb6dcff8a4ae02");

    assertThat(Bytes.toHex(ecrecover.execute(input, Contexts.ANY).output()))
        .isEqualTo("0x000000000000000000000000ceaccac640adf55b2028469bd36ba501f28b699d");
  }

  @Test
  void acceptsHighS() {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);
    BigInteger highS = Secp256k1.CURVE_ORDER.subtract(signature.s());
    // Negating s recovers the same key from the other nonce point, whose y has the other parity.
    int flippedV = 28 - signature.recoveryId();

    PrecompileResult result = ecrecover.execute(input(MESSAGE, flippedV, signature.r(), highS), Contexts.ANY);

    assertThat(result.output()).isEqualTo(Bytes.leftPad(KEY.publicKey().toAddress().toArray(), 32));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 26, 29, 255})
  void aVOtherThan27Or28RecoversNothing(int v) {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);

    assertRecoversNothing(input(MESSAGE, v, signature.r(), signature.s()));
  }

  @Test
  void aVWithHighBytesSetRecoversNothing() {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);
    byte[] input = input(MESSAGE, 27 + signature.recoveryId(), signature.r(), signature.s());
    input[32] = 1;

    assertRecoversNothing(input);
  }

  @Test
  void outOfRangeROrSRecoversNothing() {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);
    int v = 27 + signature.recoveryId();

    assertRecoversNothing(input(MESSAGE, v, BigInteger.ZERO, signature.s()));
    assertRecoversNothing(input(MESSAGE, v, signature.r(), BigInteger.ZERO));
    assertRecoversNothing(input(MESSAGE, v, Secp256k1.CURVE_ORDER, signature.s()));
    assertRecoversNothing(input(MESSAGE, v, signature.r(), Secp256k1.CURVE_ORDER));
  }

  @Test
  void anRThatIsNoCurvePointRecoversNothing() {
    // x = 5 has no point on secp256k1: 5^3 + 7 = 132 is a non-residue modulo p.
    assertRecoversNothing(input(MESSAGE, 27, BigInteger.valueOf(5), BigInteger.ONE));
  }

  @Test
  void aSignatureRecoveringToInfinityRecoversNothing() {
    // With nonce point R = kG and s = e/k, the recovered key r^-1 (sR - eG) is the point at infinity.
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    BigInteger n = curve.getN();
    BigInteger k = BigInteger.valueOf(7);
    ECPoint noncePoint = curve.getG().multiply(k).normalize();
    BigInteger r = noncePoint.getAffineXCoord().toBigInteger();
    BigInteger s = new BigInteger(1, MESSAGE.toArray()).multiply(k.modInverse(n)).mod(n);
    int v = 27 + (noncePoint.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0);

    assertRecoversNothing(input(MESSAGE, v, r, s));
  }

  @Test
  void shortInputIsPaddedWithZeros() {
    assertRecoversNothing(new byte[0]);
    assertRecoversNothing(Bytes.fromHex("0x01"));
    assertThat(ecrecover.gasRequirement(new byte[0])).isEqualTo(3000);
  }

  @Test
  void bytesPastTheFourWordsAreIgnored() {
    Signature signature = Secp256k1.sign(MESSAGE, KEY);
    byte[] input = input(MESSAGE, 27 + signature.recoveryId(), signature.r(), signature.s());

    byte[] longer = Bytes.concat(input, new byte[] {1, 2, 3});

    assertThat(ecrecover.execute(longer, Contexts.ANY).output()).isEqualTo(ecrecover.execute(input, Contexts.ANY).output());
  }

  private void assertRecoversNothing(byte[] input) {
    PrecompileResult result = ecrecover.execute(input, Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(result.output()).isEmpty();
  }

  private static byte[] input(Hash hash, int v, BigInteger r, BigInteger s) {
    return Bytes.concat(hash.toArray(), word(BigInteger.valueOf(v)), word(r), word(s));
  }

  private static byte[] word(BigInteger value) {
    return Bytes.leftPad(Bytes.trimLeadingZeros(value.toByteArray()), 32);
  }
}
