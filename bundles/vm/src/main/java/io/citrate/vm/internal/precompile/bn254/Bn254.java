package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The curve bn254 (alt_bn128) as EIP-196 and EIP-197 encode it. G1 is E(Fp): y² = x³ + 3, of prime order r.
 * G2 is the order-r subgroup of the sextic twist E'(Fp2): y² = x³ + 3/ξ. A G1 point is x || y, a G2 point
 * x.imaginary || x.real || y.imaginary || y.real, each a 32-byte big-endian integer below p; all zeros is the
 * point at infinity.
 */
public final class Bn254 {
  /** r, the order of G1 and G2 and of the scalars. */
  public static final BigInteger CURVE_ORDER =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
  public static final int G1_SIZE = 64;
  public static final int G2_SIZE = 128;

  static final Fp B = Fp.of(3);
  static final Fp2 TWIST_B = Fp2.of(B).multiply(Fp2.XI.invert());

  private static final int WORD = 32;

  private Bn254() {}

  /** The G1 point in the 64 bytes at {@code offset}. */
  public static JacobianPoint<Fp> decodeG1(byte[] input, int offset) throws InvalidPointException {
    Fp x = coordinate(input, offset);
    Fp y = coordinate(input, offset + WORD);
    if (x.isZero() && y.isZero()) {
      return JacobianPoint.infinity(Fp.ONE);
    }
    if (!y.square().equals(x.square().multiply(x).add(B))) {
      throw new InvalidPointException("G1 point is not on the curve");
    }
    // E(Fp) has prime order r, so every curve point lies in G1.
    return JacobianPoint.affine(x, y);
  }

  /** The G2 point in the 128 bytes at {@code offset}, checked to lie on the twist and in its order-r subgroup. */
  public static JacobianPoint<Fp2> decodeG2(byte[] input, int offset) throws InvalidPointException {
    Fp2 x = Fp2.of(coordinate(input, offset + WORD), coordinate(input, offset));
    Fp2 y = Fp2.of(coordinate(input, offset + 3 * WORD), coordinate(input, offset + 2 * WORD));
    if (x.isZero() && y.isZero()) {
      return JacobianPoint.infinity(Fp2.ONE);
    }
    if (!y.square().equals(x.square().multiply(x).add(TWIST_B))) {
      throw new InvalidPointException("G2 point is not on the twist curve");
    }
    JacobianPoint<Fp2> point = JacobianPoint.affine(x, y);
    // The twist's order is r times a large cofactor: a point outside G2 would break the pairing's bilinearity.
    if (!point.multiply(CURVE_ORDER).isInfinity()) {
      throw new InvalidPointException("G2 point is not in the subgroup of order r");
    }
    return point;
  }

  /** x || y of a G1 point, 64 zero bytes for infinity. */
  public static byte[] encodeG1(JacobianPoint<Fp> point) {
    byte[] encoded = new byte[G1_SIZE];
    if (!point.isInfinity()) {
      writeWord(point.affineX().toBigInteger(), encoded, 0);
      writeWord(point.affineY().toBigInteger(), encoded, WORD);
    }
    return encoded;
  }

  private static Fp coordinate(byte[] input, int offset) throws InvalidPointException {
    BigInteger value = new BigInteger(1, Arrays.copyOfRange(input, offset, offset + WORD));
    if (value.compareTo(Fp.MODULUS) >= 0) {
      throw new InvalidPointException("coordinate is not below the field modulus");
    }
    return Fp.canonical(value);
  }

  private static void writeWord(BigInteger value, byte[] target, int offset) {
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, WORD);
    System.arraycopy(magnitude, magnitude.length - length, target, offset + WORD - length, length);
  }
}
