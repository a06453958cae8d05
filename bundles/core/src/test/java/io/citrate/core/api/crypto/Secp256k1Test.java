package io.citrate.core.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  private static final PrivateKey EIP155_KEY =
      PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
  private static final Address EIP155_ADDRESS = Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");
  private static final Hash EIP155_SIGNING_HASH =
      Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

  @Test
  void signsTheEip155ExampleDeterministically() {
    Signature signature = Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY);
    assertThat(signature.r()).isEqualTo(new BigInteger(
        "18515461264373351373200002665853028612451056578545711640558177340181847433846"));
    assertThat(signature.s()).isEqualTo(new BigInteger(
        "46948507304638947509940763649030358759909902576025900602547168820602576006531"));
    assertThat(signature.recoveryId()).isZero();
    assertThat(Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY)).isEqualTo(signature);
    assertThat(Secp256k1.recoverAddress(EIP155_SIGNING_HASH, signature)).isEqualTo(EIP155_ADDRESS);
    assertThat(KeyPair.of(EIP155_KEY).address()).isEqualTo(EIP155_ADDRESS);
  }

  @Test
  void verifiesOnlyTheRightKeyAndMessage() {
    KeyPair signer = KeyPair.of(EIP155_KEY);
    Signature signature = signer.sign(EIP155_SIGNING_HASH);
    assertThat(Secp256k1.verify(EIP155_SIGNING_HASH, signature, signer.publicKey())).isTrue();
    assertThat(Secp256k1.verify(EIP155_SIGNING_HASH, signature, signer.address())).isTrue();
    assertThat(Secp256k1.verify(Hash.ZERO, signature, signer.address())).isFalse();
    KeyPair other = KeyPair.generate(new SecureRandom());
    assertThat(Secp256k1.verify(EIP155_SIGNING_HASH, signature, other.publicKey())).isFalse();
  }

  @Test
  void rejectsHighSUnlessAskedToAllowIt() {
    Signature low = Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY);
    Signature high = Signature.create(low.r(), Secp256k1.CURVE_ORDER.subtract(low.s()), low.recoveryId() ^ 1);
    assertThat(high.isLowS()).isFalse();
    assertThatThrownBy(() -> Secp256k1.recover(EIP155_SIGNING_HASH, high))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("n/2");
    assertThat(Secp256k1.recoverAllowingHighS(EIP155_SIGNING_HASH, high).toAddress()).isEqualTo(EIP155_ADDRESS);
    assertThat(Secp256k1.verify(EIP155_SIGNING_HASH, high, EIP155_ADDRESS)).isFalse();
  }

  @Test
  void rejectsOutOfRangeComponents() {
    BigInteger n = Secp256k1.CURVE_ORDER;
    assertThatThrownBy(() -> Signature.create(BigInteger.ZERO, BigInteger.ONE, 0))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("r must be in [1, n-1]");
    assertThatThrownBy(() -> Signature.create(BigInteger.ONE, n, 0))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("s must be in [1, n-1]");
    assertThatThrownBy(() -> Signature.create(BigInteger.ONE, BigInteger.ONE, 2))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("recovery id");
    assertThatThrownBy(() -> Signature.fromBytes(new byte[64]))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("65 bytes");
  }

  @Test
  void rejectsAnRThatIsNotOnTheCurve() {
    // x = 5: 5^3 + 7 = 132 is not a square modulo p.
    Signature signature = Signature.create(BigInteger.valueOf(5), BigInteger.ONE, 0);
    assertThatThrownBy(() -> Secp256k1.recover(EIP155_SIGNING_HASH, signature))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("not the x coordinate");
  }

  @Test
  void rejectsARecoveryThatYieldsThePointAtInfinity() {
    // With s = e (mod n) and u1 = -e/r, u2 = s/r, Q = (s R - e G)/r; choosing R = G (r = Gx, even y)
    // and s = e makes Q infinite.
    BigInteger gx = new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16);
    Hash message = Hash.fromHex("0x" + "00".repeat(31) + "07");
    Signature signature = Signature.create(gx, BigInteger.valueOf(7), 0);
    assertThatThrownBy(() -> Secp256k1.recover(message, signature))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("infinity");
  }

  @Test
  void signatureByteFormsRoundTrip() {
    Signature signature = Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY);
    byte[] compact = signature.toBytes();
    byte[] wallet = signature.toEthereumBytes();
    assertThat(compact[64]).isEqualTo((byte) signature.recoveryId());
    assertThat(wallet[64]).isEqualTo((byte) (27 + signature.recoveryId()));
    assertThat(Signature.fromBytes(compact)).isEqualTo(signature);
    assertThat(Signature.fromEthereumBytes(wallet)).isEqualTo(signature);
    assertThat(Signature.fromEthereumBytes(compact)).isEqualTo(signature);
    wallet[64] = 29;
    assertThatThrownBy(() -> Signature.fromEthereumBytes(wallet)).isInstanceOf(InvalidSignatureException.class);
    compact[64] = 27;
    assertThatThrownBy(() -> Signature.fromBytes(compact)).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void privateKeyIsRangeCheckedAndNeverPrinted() {
    assertThatThrownBy(() -> PrivateKey.fromBytes(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, n-1]");
    byte[] order = Bytes.leftPad(Bytes.trimLeadingZeros(Secp256k1.CURVE_ORDER.toByteArray()), 32);
    assertThatThrownBy(() -> PrivateKey.fromBytes(order)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.fromHex("0xzz")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("zz");
    assertThat(EIP155_KEY.toString()).doesNotContain("4646");
    assertThat(KeyPair.of(EIP155_KEY).toString()).doesNotContain("4646");
    assertThat(PrivateKey.fromBytes(EIP155_KEY.toBytes())).isEqualTo(EIP155_KEY);
  }

  @Test
  void publicKeyParsesItsEncodingsAndRejectsPointsOffTheCurve() {
    PublicKey key = EIP155_KEY.publicKey();
    assertThat(PublicKey.fromBytes(key.toBytes())).isEqualTo(key);
    assertThat(PublicKey.fromBytes(key.toCompressedBytes())).isEqualTo(key);
    assertThat(PublicKey.fromBytes(key.toBytes()).toAddress()).isEqualTo(EIP155_ADDRESS);
    byte[] offCurve = key.toBytes();
    offCurve[63] ^= 1;
    assertThatThrownBy(() -> PublicKey.fromBytes(offCurve)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PublicKey.fromBytes(new byte[10])).isInstanceOf(IllegalArgumentException.class);
    byte[] hybrid = new byte[65];
    hybrid[0] = 0x06;
    System.arraycopy(key.toBytes(), 0, hybrid, 1, 64);
    assertThatThrownBy(() -> PublicKey.fromBytes(hybrid)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void personalMessageHashMatchesThePublishedValue() {
    assertThat(EthereumMessages.hashPersonalMessage("hello world".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(Hash.fromHex("0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68"));
  }

  @Property(tries = 200)
  void signedMessagesRecoverToTheSigner(@ForAll @Size(32) byte[] message, @ForAll @Size(32) byte[] seed) {
    PrivateKey key = PrivateKey.random(new SecureRandom(seed));
    Hash hash = Hash.wrap(message);
    Signature signature = Secp256k1.sign(hash, key);
    assertThat(signature.isLowS()).isTrue();
    PublicKey recovered = Secp256k1.recover(hash, signature);
    assertThat(recovered).isEqualTo(key.publicKey());
    assertThat(recovered.toCompressedBytes()).isEqualTo(key.publicKey().toCompressedBytes());
    assertThat(Secp256k1.recoverAddress(hash, signature)).isEqualTo(key.publicKey().toAddress());

    // (r, n - s) with the other recovery id is the same signature in high-s form.
    Signature highS = Signature.create(signature.r(), Secp256k1.CURVE_ORDER.subtract(signature.s()),
        signature.recoveryId() ^ 1);
    assertThat(Secp256k1.recoverAllowingHighS(hash, highS)).isEqualTo(key.publicKey());
    assertThatThrownBy(() -> Secp256k1.recoverAddress(hash, highS)).isInstanceOf(InvalidSignatureException.class);
  }
}
