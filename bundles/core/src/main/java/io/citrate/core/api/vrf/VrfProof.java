package io.citrate.core.api.vrf;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.vrf.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECVRF-P256-SHA256-TAI proof pi = Gamma (33 bytes, compressed point) || c (16 bytes) || s (32 bytes),
 * decoded as RFC 9381 ECVRF_decode_proof does. An instance is well formed; whether it proves anything is
 * for {@link Ecvrf#verify(VrfPublicKey, byte[], VrfProof)} to say.
 */
public final class VrfProof {
  /** Length of the challenge c (cLen): SHA-256 output truncated to 128 bits. */
  static final int CHALLENGE_SIZE = 16;
  public static final int SIZE = P256.POINT_SIZE + CHALLENGE_SIZE + P256.SCALAR_SIZE;

  private final byte[] encoded;
  private final ECPoint gamma;
  private final BigInteger challenge;
  private final BigInteger response;

  private VrfProof(byte[] encoded, ECPoint gamma, BigInteger challenge, BigInteger response) {
    this.encoded = encoded;
    this.gamma = gamma;
    this.challenge = challenge;
    this.response = response;
  }

  /**
   * ECVRF_decode_proof.
   *
   * @throws InvalidVrfProofException if pi is not 81 bytes, Gamma is not a point on P-256, or s >= q
   */
  public static VrfProof fromBytes(byte[] pi) {
    if (pi.length != SIZE) {
      throw new InvalidVrfProofException(Reason.MALFORMED_LENGTH,
          "a VRF proof is " + SIZE + " bytes, got " + pi.length);
    }
    ECPoint gamma = P256.decodeCompressed(Arrays.copyOfRange(pi, 0, P256.POINT_SIZE));
    if (gamma == null) {
      throw new InvalidVrfProofException(Reason.GAMMA_NOT_ON_CURVE,
          "the proof's Gamma is not a compressed P-256 point");
    }
    BigInteger challenge = new BigInteger(1, Arrays.copyOfRange(pi, P256.POINT_SIZE, P256.POINT_SIZE + CHALLENGE_SIZE));
    BigInteger response = new BigInteger(1, Arrays.copyOfRange(pi, P256.POINT_SIZE + CHALLENGE_SIZE, SIZE));
    if (response.compareTo(P256.ORDER) >= 0) {
      throw new InvalidVrfProofException(Reason.SCALAR_OUT_OF_RANGE, "the proof's s is not below the group order");
    }
    return new VrfProof(pi.clone(), gamma, challenge, response);
  }

  public static VrfProof fromHex(String hex) {
    byte[] bytes;
    try {
      bytes = Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new InvalidVrfProofException(Reason.MALFORMED_LENGTH, "a VRF proof must be " + 2 * SIZE + " hex digits");
    }
    return fromBytes(bytes);
  }

  static VrfProof of(ECPoint gamma, BigInteger challenge, BigInteger response) {
    byte[] encoded = Bytes.concat(
        P256.encode(gamma),
        BigIntegers.asUnsignedByteArray(CHALLENGE_SIZE, challenge),
        BigIntegers.asUnsignedByteArray(P256.SCALAR_SIZE, response));
    return new VrfProof(encoded, gamma, challenge, response);
  }

  /** pi, 81 bytes. */
  public byte[] toBytes() {
    return encoded.clone();
  }

  ECPoint gamma() {
    return gamma;
  }

  BigInteger challenge() {
    return challenge;
  }

  BigInteger response() {
    return response;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VrfProof other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return Bytes.toHex(encoded);
  }
}
