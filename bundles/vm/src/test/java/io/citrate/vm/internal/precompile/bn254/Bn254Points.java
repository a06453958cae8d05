package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/** Generators and hand-made points for the bn254 tests. */
public final class Bn254Points {
  public static final JacobianPoint<Fp> G1 = JacobianPoint.affine(Fp.of(1), Fp.of(2));
  /** The G2 generator of EIP-197. */
  public static final JacobianPoint<Fp2> G2 = JacobianPoint.affine(
      fp2("10857046999023057135944570762232829481370756359578518086990519993285655852781",
          "11559732032986387107991004021392285783925812861821192530917403151452391805634"),
      fp2("8495653923123431417604973247489272438418190587263600148770280649306958101930",
          "4082367875863433681332203403145435568316851327593401208105741076214120093531"));

  private Bn254Points() {}

  static Fp2 fp2(String real, String imaginary) {
    return Fp2.of(Fp.canonical(new BigInteger(real)), Fp.canonical(new BigInteger(imaginary)));
  }

  /**
   * A point on the twist E'(Fp2) with the smallest x = n + 0u, n ≥ start, that has one; the twist's order
   * is r times a large cofactor, so such a point is almost never in G2.
   */
  public static JacobianPoint<Fp2> twistPointFrom(int start) {
    for (int n = start; ; n++) {
      Fp2 x = Fp2.of(Fp.of(n));
      Fp2 y = squareRoot(x.square().multiply(x).add(Bn254.TWIST_B));
      if (y != null) {
        return JacobianPoint.affine(x, y);
      }
    }
  }

  /**
   * A square root in Fp2 for p ≡ 3 (mod 4), or null: with a = a0 + a1u and norm N = a0² + a1², a root is
   * x0 + x1u where x0² = (a0 ± √N)/2 and x1 = a1/(2x0).
   */
  static Fp2 squareRoot(Fp2 a) {
    Fp a0 = a.real();
    Fp a1 = a.imaginary();
    Fp norm = a0.square().add(a1.square());
    Fp normRoot = fpSquareRoot(norm);
    if (normRoot == null) {
      return null;
    }
    Fp half = Fp.of(2).invert();
    for (Fp candidate : new Fp[] {a0.add(normRoot).multiply(half), a0.subtract(normRoot).multiply(half)}) {
      Fp x0 = fpSquareRoot(candidate);
      if (x0 != null && !x0.isZero()) {
        Fp2 root = Fp2.of(x0, a1.multiply(x0.twice().invert()));
        if (root.square().equals(a)) {
          return root;
        }
      }
    }
    return null;
  }

  private static Fp fpSquareRoot(Fp a) {
    BigInteger exponent = Fp.MODULUS.add(BigInteger.ONE).shiftRight(2);
    Fp root = Fp.canonical(a.toBigInteger().modPow(exponent, Fp.MODULUS));
    return root.square().equals(a) ? root : null;
  }
}
