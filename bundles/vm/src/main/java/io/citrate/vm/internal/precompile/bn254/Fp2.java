package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/** An element c0 + c1·u of Fp2 = Fp[u]/(u² + 1), the field G2's coordinates live in. */
public final class Fp2 implements FieldElement<Fp2> {
  public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
  /** ξ = 9 + u, the non-residue defining Fp6 = Fp2[v]/(v³ - ξ) and the sextic twist. */
  public static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

  private final Fp c0;
  private final Fp c1;

  private Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  public static Fp2 of(Fp c0, Fp c1) {
    return new Fp2(c0, c1);
  }

  public static Fp2 of(Fp c0) {
    return new Fp2(c0, Fp.ZERO);
  }

  public Fp real() {
    return c0;
  }

  public Fp imaginary() {
    return c1;
  }

  @Override
  public Fp2 add(Fp2 other) {
    return new Fp2(c0.add(other.c0), c1.add(other.c1));
  }

  @Override
  public Fp2 subtract(Fp2 other) {
    return new Fp2(c0.subtract(other.c0), c1.subtract(other.c1));
  }

  /** Karatsuba: three products, (a0 + a1u)(b0 + b1u) = a0b0 - a1b1 + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)u. */
  @Override
  public Fp2 multiply(Fp2 other) {
    Fp v0 = c0.multiply(other.c0);
    Fp v1 = c1.multiply(other.c1);
    Fp cross = c0.add(c1).multiply(other.c0.add(other.c1));
    return new Fp2(v0.subtract(v1), cross.subtract(v0).subtract(v1));
  }

  /** (a0 + a1u)² = (a0 + a1)(a0 - a1) + 2a0a1·u. */
  @Override
  public Fp2 square() {
    return new Fp2(c0.add(c1).multiply(c0.subtract(c1)), c0.multiply(c1).twice());
  }

  public Fp2 multiply(Fp scalar) {
    return new Fp2(c0.multiply(scalar), c1.multiply(scalar));
  }

  /** Multiplication by ξ = 9 + u: (a0 + a1u)(9 + u) = 9a0 - a1 + (a0 + 9a1)u. */
  public Fp2 multiplyByXi() {
    Fp nine0 = c0.twice().twice().twice().add(c0);
    Fp nine1 = c1.twice().twice().twice().add(c1);
    return new Fp2(nine0.subtract(c1), c0.add(nine1));
  }

  @Override
  public Fp2 negate() {
    return new Fp2(c0.negate(), c1.negate());
  }

  /** The Frobenius map x ↦ x^p, which on Fp2 is conjugation since u^p = -u for p ≡ 3 (mod 4). */
  public Fp2 conjugate() {
    return new Fp2(c0, c1.negate());
  }

  /** 1/(a0 + a1u) = (a0 - a1u)/(a0² + a1²). */
  @Override
  public Fp2 invert() {
    Fp normInverse = c0.square().add(c1.square()).invert();
    return new Fp2(c0.multiply(normInverse), c1.multiply(normInverse).negate());
  }

  public Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  @Override
  public boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  @Override
  public Fp2 zero() {
    return ZERO;
  }

  @Override
  public Fp2 one() {
    return ONE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp2 other && c0.equals(other.c0) && c1.equals(other.c1);
  }

  @Override
  public int hashCode() {
    return 31 * c0.hashCode() + c1.hashCode();
  }

  @Override
  public String toString() {
    return c0 + " + " + c1 + "u";
  }
}
