package io.citrate.core.api.vrf;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECVRF-P256-SHA256-TAI secret key: the 32-byte big-endian scalar x in [1, q-1] of P-256 (RFC 9381
 * 5.1 uses SK itself as x for this suite). Its value never appears in {@link #toString()} or in an error
 * message.
 */
public final class VrfPrivateKey {
  public static final int SIZE = P256.SCALAR_SIZE;

  private final BigInteger scalar;
  private final VrfPublicKey publicKey;

  private VrfPrivateKey(BigInteger scalar) {
    this.scalar = scalar;
    this.publicKey = VrfPublicKey.fromPoint(P256.multiplyBase(scalar));
  }

  /** @throws InvalidVrfKeyException if {@code bytes} is not 32 long or its value is 0 or not below q */
  public static VrfPrivateKey fromBytes(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new InvalidVrfKeyException("a VRF secret key is " + SIZE + " bytes, got " + bytes.length);
    }
    BigInteger scalar = new BigInteger(1, bytes);
    if (!inRange(scalar)) {
      throw new InvalidVrfKeyException("a VRF secret key must be in [1, q-1] of P-256");
    }
    return new VrfPrivateKey(scalar);
  }

  /** Parses 64 hex digits, with or without {@code 0x}. */
  public static VrfPrivateKey fromHex(String hex) {
    byte[] bytes;
    try {
      bytes = Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new InvalidVrfKeyException("a VRF secret key must be 64 hex digits");
    }
    return fromBytes(bytes);
  }

  /** A uniformly random key drawn from {@code random}, by rejection so no scalar is favoured. */
  public static VrfPrivateKey random(SecureRandom random) {
    byte[] candidate = new byte[SIZE];
    while (true) {
      random.nextBytes(candidate);
      BigInteger scalar = new BigInteger(1, candidate);
      if (inRange(scalar)) {
        return new VrfPrivateKey(scalar);
      }
    }
  }

  private static boolean inRange(BigInteger scalar) {
    return scalar.signum() > 0 && scalar.compareTo(P256.ORDER) < 0;
  }

  public VrfPublicKey publicKey() {
    return publicKey;
  }

  /** The 32-byte big-endian scalar. Handle with care. */
  public byte[] toBytes() {
    return BigIntegers.asUnsignedByteArray(SIZE, scalar);
  }

  BigInteger scalar() {
    return scalar;
  }

  /** Compares in constant time, so equality checks do not leak key bytes through timing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof VrfPrivateKey other && MessageDigest.isEqual(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "VrfPrivateKey[redacted]";
  }
}
