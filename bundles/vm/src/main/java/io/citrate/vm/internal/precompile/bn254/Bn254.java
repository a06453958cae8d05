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

  /**
   * 6x² for the BN parameter x, which is p - r and so the eigenvalue of ψ on G2; it is also the root of
   * λ² - tλ + p = r for the trace t = 6x² + 1, which is what makes the membership test below sound.
   */
  static final BigInteger PSI_EIGENVALUE = new BigInteger("147946756881789318990833708069417712966");

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
    if (!isInG2(point)) {
      throw new InvalidPointException("G2 point is not in the subgroup of order r");
    }
    return point;
  }

  /**
   * Whether a twist point lies in G2, tested as ψ(Q) = [6x²]Q: half the work of [r]Q = O, and equivalent.
   * ψ satisfies ψ² - tψ + p = 0. Split Q into its G2 part, where ψ acts as [p] = [6x²], and a part R of order
   * dividing the cofactor 2p - r, which is prime to r; if ψ(R) = [λ]R then [λ² - tλ + p]R = [r]R = O, so
   * R = O.
   */
  static boolean isInG2(JacobianPoint<Fp2> point) {
    return psi(point).sameAs(point.multiply(PSI_EIGENVALUE));
  }

  /**
   * ψ = twist⁻¹ ∘ Frobenius ∘ twist, the p-power Frobenius carried to the twist: (x̄·ξ^((p-1)/3), ȳ·ξ^((p-1)/2)).
   * Conjugation is a field automorphism, so it applies to Jacobian coordinates as they stand.
   */
  static JacobianPoint<Fp2> psi(JacobianPoint<Fp2> point) {
    return JacobianPoint.jacobian(
        point.x().conjugate().multiply(Fp12.frobeniusFactor(1, 2)),
        point.y().conjugate().multiply(Fp12.frobeniusFactor(1, 3)),
        point.z().conjugate());
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
