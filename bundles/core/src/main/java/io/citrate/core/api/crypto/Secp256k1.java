package io.citrate.core.api.crypto;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA as Ethereum uses it: deterministic nonces (RFC 6979, HMAC-SHA256), low-s signatures
 * (EIP-2) and public key recovery from a signature and its recovery id.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");

  static final ECCurve CURVE = PARAMETERS.getCurve();
  static final ECPoint G = PARAMETERS.getG();
  /** Order n of the base point. */
  public static final BigInteger CURVE_ORDER = PARAMETERS.getN();
  /** n / 2, the largest s a low-s signature may carry. */
  public static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /**
   * Signs a 32-byte message hash. The nonce is derived from the key and the hash (RFC 6979), so the same
   * inputs always give the same signature, and s is normalised to the lower half of the group order.
   */
  public static Signature sign(Hash messageHash, PrivateKey key) {
    byte[] message = messageHash.unsafeBytes();
    BigInteger d = key.scalar();
    BigInteger e = new BigInteger(1, message);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(CURVE_ORDER, d, message);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint noncePoint = BASE_MULTIPLIER.multiply(G, k).normalize();
      BigInteger r = noncePoint.getAffineXCoord().toBigInteger();
      // An x at or above n would need recovery ids 2 or 3, which Ethereum's v cannot express; the
      // chance is about 2^-128, and RFC 6979 simply moves on to the next nonce.
      if (r.signum() == 0 || r.compareTo(CURVE_ORDER) >= 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(CURVE_ORDER, k).multiply(e.add(d.multiply(r))).mod(CURVE_ORDER);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId = noncePoint.getAffineYCoord().testBitZero() ? 1 : 0;
      if (s.compareTo(HALF_CURVE_ORDER) > 0) {
        s = CURVE_ORDER.subtract(s);
        recoveryId ^= 1;
      }
      return Signature.create(r, s, recoveryId);
    }
  }

  /**
   * Recovers the public key that made {@code signature} over {@code messageHash}. Requires low s, as
   * transactions and block headers do.
   *
   * @throws InvalidSignatureException if s is above n/2 or no public key can be recovered
   */
  public static PublicKey recover(Hash messageHash, Signature signature) {
    requireLowS(signature);
    return PublicKey.fromTrustedCoordinates(recoverCoordinates(messageHash, signature));
  }

  /**
   * Like {@link #recover(Hash, Signature)} but accepts any s in [1, n-1], as the ECRECOVER precompile does.
   *
   * @throws InvalidSignatureException if no public key can be recovered
   */
  public static PublicKey recoverAllowingHighS(Hash messageHash, Signature signature) {
    return PublicKey.fromTrustedCoordinates(recoverCoordinates(messageHash, signature));
  }

  /**
   * The address of the key that made {@code signature}; requires low s.
   *
   * @throws InvalidSignatureException if s is above n/2 or no public key can be recovered
   */
  public static Address recoverAddress(Hash messageHash, Signature signature) {
    requireLowS(signature);
    // Hashes the coordinates straight away; a PublicKey would only be built to be thrown away.
    return Address.fromHashTail(Keccak256.hash(recoverCoordinates(messageHash, signature)));
  }

  /** True if {@code signature} is a low-s signature over {@code messageHash} by {@code publicKey}. */
  public static boolean verify(Hash messageHash, Signature signature, PublicKey publicKey) {
    try {
      return recover(messageHash, signature).equals(publicKey);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  /** True if {@code signature} is a low-s signature over {@code messageHash} by the key of {@code address}. */
  public static boolean verify(Hash messageHash, Signature signature, Address address) {
    try {
      return recoverAddress(messageHash, signature).equals(address);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  static PublicKey derivePublicKey(BigInteger scalar) {
    return PublicKey.fromPoint(BASE_MULTIPLIER.multiply(G, scalar));
  }

  private static void requireLowS(Signature signature) {
    if (!signature.isLowS()) {
      throw new InvalidSignatureException("s is above n/2; only low-s signatures are accepted (EIP-2)");
    }
  }

  /**
   * Q = r^-1 (s R - e G) as x || y, where R is the curve point with x = r and the y parity given by the
   * recovery id. Computed as one double-scalar multiplication u1 G + u2 R with u1 = -e/r and u2 = s/r.
   */
  private static byte[] recoverCoordinates(Hash messageHash, Signature signature) {
    BigInteger r = signature.r();
    ECPoint noncePoint = decompress(r, signature.recoveryId() == 1);
    BigInteger e = new BigInteger(1, messageHash.unsafeBytes());
    BigInteger rInverse = BigIntegers.modOddInverseVar(CURVE_ORDER, r);
    BigInteger generatorFactor = CURVE_ORDER.subtract(e.mod(CURVE_ORDER)).multiply(rInverse).mod(CURVE_ORDER);
    BigInteger nonceFactor = signature.s().multiply(rInverse).mod(CURVE_ORDER);
    return RecoveryMultiplier.sumOfMultiplies(generatorFactor, noncePoint, nonceFactor);
  }

  private static ECPoint decompress(BigInteger x, boolean oddY) {
    byte[] encoded = new byte[33];
    encoded[0] = (byte) (oddY ? 0x03 : 0x02);
    byte[] raw = x.toByteArray();
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, encoded, 33 - length, length);
    try {
      return CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      throw new InvalidSignatureException("r = 0x" + x.toString(16) + " is not the x coordinate of a curve point");
    }
  }
}
