package io.citrate.core.api.vrf;

import io.citrate.core.api.Bytes;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An ECVRF-P256-SHA256-TAI public key Y = x*G, held as its SEC1 compressed encoding (33 bytes). Every
 * instance has passed RFC 9381 ECVRF_validate_key, so verification never sees the identity or a
 * low-order point.
 */
public final class VrfPublicKey {
  public static final int SIZE = P256.POINT_SIZE;

  private final byte[] encoded;
  private final ECPoint point;

  private VrfPublicKey(byte[] encoded, ECPoint point) {
    this.encoded = encoded;
    this.point = point;
  }

  /**
   * Decodes a SEC1 compressed P-256 point and validates it as a VRF key.
   *
   * @throws InvalidVrfKeyException if the bytes are not 33 long, not a point on P-256, or the identity
   */
  public static VrfPublicKey fromBytes(byte[] encoded) {
    if (encoded.length != SIZE) {
      throw new InvalidVrfKeyException("a VRF public key is " + SIZE + " bytes (SEC1 compressed), got "
          + encoded.length);
    }
    ECPoint point = P256.decodeCompressed(encoded);
    if (point == null) {
      throw new InvalidVrfKeyException("not a compressed P-256 point: " + Bytes.toHex(encoded));
    }
    // ECVRF_validate_key: cofactor * Y must not be the identity. P-256 has cofactor 1, so the only
    // low-order point is the identity itself, which no 33-byte encoding reaches; checked regardless.
    if (point.isInfinity() || !point.isValid()) {
      throw new InvalidVrfKeyException("the identity is not a VRF public key");
    }
    return new VrfPublicKey(encoded.clone(), point);
  }

  public static VrfPublicKey fromHex(String hex) {
    byte[] bytes;
    try {
      bytes = Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new InvalidVrfKeyException("a VRF public key must be 66 hex digits");
    }
    return fromBytes(bytes);
  }

  static VrfPublicKey fromPoint(ECPoint point) {
    return new VrfPublicKey(P256.encode(point), point);
  }

  /** SEC1 compressed encoding, 33 bytes: the PK_string of RFC 9381. */
  public byte[] toBytes() {
    return encoded.clone();
  }

  byte[] unsafeBytes() {
    return encoded;
  }

  ECPoint point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VrfPublicKey other && Arrays.equals(encoded, other.encoded);
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
