package io.citrate.core.api.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.vrf.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class EcvrfTest {
  private static final VrfPrivateKey KEY = VrfPrivateKey.fromBytes(Bytes.leftPad(new byte[] {7}, VrfPrivateKey.SIZE));
  private static final byte[] ALPHA = "slot 42".getBytes(StandardCharsets.UTF_8);

  @Property(tries = 25)
  void proofsOfRandomKeysAndMessagesVerify(@ForAll("secretKeys") VrfPrivateKey key,
      @ForAll @Size(max = 64) byte[] alpha) {
    VrfProof proof = Ecvrf.prove(key, alpha);
    assertThat(proof.toBytes()).hasSize(VrfProof.SIZE);
    assertThat(Ecvrf.verify(key.publicKey(), alpha, VrfProof.fromBytes(proof.toBytes())))
        .hasSize(Ecvrf.OUTPUT_SIZE)
        .isEqualTo(Ecvrf.proofToHash(proof));
  }

  @Property(tries = 25)
  void anySingleBitFlipOfARandomProofIsRejected(@ForAll("secretKeys") VrfPrivateKey key,
      @ForAll @Size(max = 32) byte[] alpha, @ForAll @IntRange(max = VrfProof.SIZE * 8 - 1) int bit) {
    assertBitFlipRejected(key.publicKey(), alpha, Ecvrf.prove(key, alpha).toBytes(), bit);
  }

  @Test
  void everySingleBitFlipOfOneProofIsRejected() {
    byte[] pi = Ecvrf.prove(KEY, ALPHA).toBytes();
    for (int bit = 0; bit < VrfProof.SIZE * 8; bit++) {
      assertBitFlipRejected(KEY.publicKey(), ALPHA, pi, bit);
    }
  }

  private static void assertBitFlipRejected(VrfPublicKey publicKey, byte[] alpha, byte[] pi, int bit) {
    byte[] flipped = pi.clone();
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThatThrownBy(() -> Ecvrf.verify(publicKey, alpha, VrfProof.fromBytes(flipped)))
        .as("bit %d", bit)
        .isInstanceOf(InvalidVrfProofException.class);
  }

  @Provide
  Arbitrary<VrfPrivateKey> secretKeys() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, P256.ORDER.subtract(BigInteger.ONE))
        .map(x -> VrfPrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(VrfPrivateKey.SIZE, x)));
  }

  @Test
  void provingIsDeterministicAndOutputsDependOnTheInput() {
    VrfProof proof = Ecvrf.prove(KEY, ALPHA);
    assertThat(Ecvrf.prove(KEY, ALPHA)).isEqualTo(proof);
    assertThat(Ecvrf.proofToHash(Ecvrf.prove(KEY, Bytes.EMPTY))).isNotEqualTo(Ecvrf.proofToHash(proof));
    assertThat(Ecvrf.verify(KEY.publicKey(), Bytes.EMPTY, Ecvrf.prove(KEY, Bytes.EMPTY))).hasSize(32);
  }

  @Test
  void proofForOneKeyDoesNotVerifyUnderAnother() {
    VrfKeyPair other = VrfKeyPair.generate(new SecureRandom());
    assertThatThrownBy(() -> Ecvrf.verify(other.publicKey(), ALPHA, Ecvrf.prove(KEY, ALPHA)))
        .isInstanceOfSatisfying(InvalidVrfProofException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_MISMATCH));
    assertThat(Ecvrf.verify(other.publicKey(), ALPHA, other.prove(ALPHA))).hasSize(32);
  }

  @Test
  void secretKeysOutsideTheScalarRangeAreRejected() {
    assertThatThrownBy(() -> VrfPrivateKey.fromBytes(new byte[31]))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("32 bytes, got 31");
    assertThatThrownBy(() -> VrfPrivateKey.fromBytes(new byte[32]))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("[1, q-1]");
    assertThatThrownBy(() -> VrfPrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, P256.ORDER)))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("[1, q-1]");
    assertThatThrownBy(() -> VrfPrivateKey.fromHex("0xnot-hex"))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("64 hex digits");
    byte[] largest = BigIntegers.asUnsignedByteArray(32, P256.ORDER.subtract(BigInteger.ONE));
    assertThat(VrfPrivateKey.fromBytes(largest).toBytes()).isEqualTo(largest);
  }

  @Test
  void secretKeyNeverPrintsItsValue() {
    assertThat(KEY.toString()).isEqualTo("VrfPrivateKey[redacted]");
    assertThat(VrfKeyPair.of(KEY).toString()).isEqualTo("VrfKeyPair[" + KEY.publicKey() + "]");
  }

  @Test
  void publicKeysMustBeCompressedPointsOnTheCurve() {
    byte[] valid = KEY.publicKey().toBytes();
    assertThat(VrfPublicKey.fromBytes(valid)).isEqualTo(KEY.publicKey());

    assertThatThrownBy(() -> VrfPublicKey.fromBytes(Arrays.copyOf(valid, 32)))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("33 bytes");
    assertThatThrownBy(() -> VrfPublicKey.fromBytes(new byte[] {0}))
        .as("SEC1's encoding of the identity")
        .isInstanceOf(InvalidVrfKeyException.class);
    byte[] wrongTag = valid.clone();
    wrongTag[0] = 0x04;
    assertThatThrownBy(() -> VrfPublicKey.fromBytes(wrongTag))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("not a compressed P-256 point");
    byte[] xAboveP = new byte[33];
    Arrays.fill(xAboveP, (byte) 0xff);
    xAboveP[0] = 0x02;
    assertThatThrownBy(() -> VrfPublicKey.fromBytes(xAboveP))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("not a compressed P-256 point");
    assertThatThrownBy(() -> VrfPublicKey.fromBytes(offCurveEncoding()))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("not a compressed P-256 point");
    assertThatThrownBy(() -> VrfPublicKey.fromHex("02zz"))
        .isInstanceOf(InvalidVrfKeyException.class).hasMessageContaining("66 hex digits");
  }

  @Test
  void malformedProofsAreRejectedWithTheirReason() {
    byte[] pi = Ecvrf.prove(KEY, ALPHA).toBytes();
    assertReason(() -> VrfProof.fromBytes(new byte[0]), Reason.MALFORMED_LENGTH);
    assertReason(() -> VrfProof.fromBytes(Arrays.copyOf(pi, 80)), Reason.MALFORMED_LENGTH);
    assertReason(() -> VrfProof.fromBytes(Arrays.copyOf(pi, 82)), Reason.MALFORMED_LENGTH);
    assertReason(() -> VrfProof.fromHex("0x1"), Reason.MALFORMED_LENGTH);

    byte[] offCurveGamma = pi.clone();
    System.arraycopy(offCurveEncoding(), 0, offCurveGamma, 0, P256.POINT_SIZE);
    assertReason(() -> VrfProof.fromBytes(offCurveGamma), Reason.GAMMA_NOT_ON_CURVE);
    byte[] uncompressedTag = pi.clone();
    uncompressedTag[0] = 0x04;
    assertReason(() -> VrfProof.fromBytes(uncompressedTag), Reason.GAMMA_NOT_ON_CURVE);

    byte[] sEqualsQ = pi.clone();
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, P256.ORDER), 0, sEqualsQ, VrfProof.SIZE - 32, 32);
    assertReason(() -> VrfProof.fromBytes(sEqualsQ), Reason.SCALAR_OUT_OF_RANGE);
    byte[] sAllOnes = pi.clone();
    Arrays.fill(sAllOnes, VrfProof.SIZE - 32, VrfProof.SIZE, (byte) 0xff);
    assertReason(() -> VrfProof.fromBytes(sAllOnes), Reason.SCALAR_OUT_OF_RANGE);

    byte[] negatedGamma = pi.clone();
    negatedGamma[0] ^= 0x01;
    assertReason(() -> Ecvrf.verify(KEY.publicKey(), ALPHA, VrfProof.fromBytes(negatedGamma)),
        Reason.CHALLENGE_MISMATCH);
  }

  @Test
  void proofsRoundTripThroughBytesAndHex() {
    VrfProof proof = Ecvrf.prove(KEY, ALPHA);
    assertThat(VrfProof.fromBytes(proof.toBytes())).isEqualTo(proof).hasSameHashCodeAs(proof);
    assertThat(VrfProof.fromHex(proof.toString())).isEqualTo(proof);
    assertThat(VrfPublicKey.fromHex(KEY.publicKey().toString())).isEqualTo(KEY.publicKey());
  }

  private static void assertReason(Runnable action, Reason reason) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(InvalidVrfProofException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** 0x02 || x for the smallest x that is not the x-coordinate of a P-256 point. */
  private static byte[] offCurveEncoding() {
    for (int x = 1; ; x++) {
      byte[] candidate = new byte[P256.POINT_SIZE];
      candidate[0] = 0x02;
      candidate[P256.POINT_SIZE - 1] = (byte) x;
      if (P256.decodeCompressed(candidate) == null) {
        return candidate;
      }
    }
  }
}
