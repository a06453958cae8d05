package io.citrate.core.api.crypto;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** A secp256k1 public key, held as the 64-byte uncompressed coordinates x || y. */
public final class PublicKey {
  public static final int SIZE = 64;

  private final byte[] bytes;
  private final ECPoint point;
  private volatile Address address;

  private PublicKey(byte[] bytes, ECPoint point) {
    this.bytes = bytes;
    this.point = point;
  }

  /**
   * Parses x || y (64 bytes), or the SEC1 forms 0x04 || x || y (65 bytes) and 0x02/0x03 || x (33 bytes).
   *
   * @throws IllegalArgumentException if the bytes are not a point on the curve
   */
  public static PublicKey fromBytes(byte[] encoded) {
    byte[] sec1;
    if (encoded.length == SIZE) {
      sec1 = new byte[SIZE + 1];
      sec1[0] = 0x04;
      System.arraycopy(encoded, 0, sec1, 1, SIZE);
    } else if ((encoded.length == SIZE + 1 && encoded[0] == 0x04)
        || (encoded.length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03))) {
      sec1 = encoded;
    } else {
      throw new IllegalArgumentException("a public key is 64 bytes (x || y), or 65/33 bytes in SEC1 form; got "
          + encoded.length + " bytes");
    }
    ECPoint point;
    try {
      point = Secp256k1.CURVE.decodePoint(sec1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a secp256k1 public key: " + e.getMessage());
    }
    if (point.isInfinity()) {
      throw new IllegalArgumentException("the point at infinity is not a public key");
    }
    return fromPoint(point);
  }

  public static PublicKey fromHex(String hex) {
    return fromBytes(Bytes.fromHex(hex));
  }

  /** From x || y (64 bytes) already known to be on the curve, as recovery produces them. */
  static PublicKey fromTrustedCoordinates(byte[] coordinates) {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(coordinates, 0, 32));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(coordinates, 32, SIZE));
    return new PublicKey(coordinates, Secp256k1.CURVE.createPoint(x, y));
  }

  static PublicKey fromPoint(ECPoint point) {
    ECPoint normalized = point.normalize();
    byte[] uncompressed = normalized.getEncoded(false);
    return new PublicKey(Arrays.copyOfRange(uncompressed, 1, uncompressed.length), normalized);
  }

  /** x || y, 64 bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** SEC1 compressed form, 33 bytes. */
  public byte[] toCompressedBytes() {
    return point.getEncoded(true);
  }

  /** The account address: the last 20 bytes of Keccak-256(x || y). */
  public Address toAddress() {
    Address a = address;
    if (a == null) {
      a = Address.fromHashTail(Keccak256.hash(bytes));
      address = a;
    }
    return a;
  }

  ECPoint point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Bytes.toHex(bytes);
  }
}
