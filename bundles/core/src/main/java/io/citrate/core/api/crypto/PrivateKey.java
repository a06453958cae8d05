package io.citrate.core.api.crypto;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A secp256k1 private key: a scalar in [1, n-1]. Its value never appears in {@link #toString()} or in an
 * error message.
 */
public final class PrivateKey {
  public static final int SIZE = 32;

  private final BigInteger scalar;
  private volatile PublicKey publicKey;

  private PrivateKey(BigInteger scalar) {
    this.scalar = scalar;
  }

  /**
   * @throws IllegalArgumentException if {@code bytes} is not 32 long or its value is 0 or not below n
   */
  public static PrivateKey fromBytes(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes.length);
    }
    return fromScalar(new BigInteger(1, bytes));
  }

  /** Parses 64 hex digits, with or without {@code 0x}. */
  public static PrivateKey fromHex(String hex) {
    byte[] bytes;
    try {
      bytes = Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a private key must be 64 hex digits");
    }
    return fromBytes(bytes);
  }

  /** @throws IllegalArgumentException unless 1 <= {@code scalar} < n */
  public static PrivateKey fromScalar(BigInteger scalar) {
    if (scalar.signum() <= 0 || scalar.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("a private key must be in [1, n-1] of secp256k1");
    }
    return new PrivateKey(scalar);
  }

  /** A uniformly random key drawn from {@code random}. */
  public static PrivateKey random(SecureRandom random) {
    byte[] candidate = new byte[SIZE];
    while (true) {
      random.nextBytes(candidate);
      BigInteger scalar = new BigInteger(1, candidate);
      if (scalar.signum() > 0 && scalar.compareTo(Secp256k1.CURVE_ORDER) < 0) {
        return new PrivateKey(scalar);
      }
    }
  }

  /** The 32-byte big-endian scalar. Handle with care. */
  public byte[] toBytes() {
    return Bytes.leftPad(Bytes.trimLeadingZeros(scalar.toByteArray()), SIZE);
  }

  public PublicKey publicKey() {
    PublicKey key = publicKey;
    if (key == null) {
      key = Secp256k1.derivePublicKey(scalar);
      publicKey = key;
    }
    return key;
  }

  BigInteger scalar() {
    return scalar;
  }

  /** Compares in constant time, so equality checks do not leak key bytes through timing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey other && MessageDigest.isEqual(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return publicKey().hashCode();
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
