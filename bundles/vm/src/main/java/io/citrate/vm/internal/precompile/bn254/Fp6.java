package io.citrate.vm.internal.precompile.bn254;

/** An element c0 + c1·v + c2·v² of Fp6 = Fp2[v]/(v³ - ξ). */
public final class Fp6 {
  public static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  public static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  final Fp2 c0;
  final Fp2 c1;
  final Fp2 c2;

  Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  Fp6 add(Fp6 other) {
    return new Fp6(c0.add(other.c0), c1.add(other.c1), c2.add(other.c2));
  }

  Fp6 subtract(Fp6 other) {
    return new Fp6(c0.subtract(other.c0), c1.subtract(other.c1), c2.subtract(other.c2));
  }

  Fp6 negate() {
    return new Fp6(c0.negate(), c1.negate(), c2.negate());
  }

  /** Karatsuba over the three coefficients (Devegili, Ó hÉigeartaigh, Scott, Dahab 2006, §4): six Fp2 products. */
  Fp6 multiply(Fp6 other) {
    Fp2 v0 = c0.multiply(other.c0);
    Fp2 v1 = c1.multiply(other.c1);
    Fp2 v2 = c2.multiply(other.c2);
    Fp2 r0 = c1.add(c2).multiply(other.c1.add(other.c2)).subtract(v1).subtract(v2).multiplyByXi().add(v0);
    Fp2 r1 = c0.add(c1).multiply(other.c0.add(other.c1)).subtract(v0).subtract(v1).add(v2.multiplyByXi());
    Fp2 r2 = c0.add(c2).multiply(other.c0.add(other.c2)).subtract(v0).subtract(v2).add(v1);
    return new Fp6(r0, r1, r2);
  }

  /** Product with b0 + b1·v, the shape of a line's coefficients: five Fp2 products instead of six. */
  Fp6 multiplyBy01(Fp2 b0, Fp2 b1) {
    Fp2 v0 = c0.multiply(b0);
    Fp2 v1 = c1.multiply(b1);
    Fp2 r0 = c2.multiply(b1).multiplyByXi().add(v0);
    Fp2 r1 = c0.add(c1).multiply(b0.add(b1)).subtract(v0).subtract(v1);
    Fp2 r2 = c2.multiply(b0).add(v1);
    return new Fp6(r0, r1, r2);
  }

  Fp6 multiply(Fp2 scalar) {
    return new Fp6(c0.multiply(scalar), c1.multiply(scalar), c2.multiply(scalar));
  }

  Fp6 square() {
    return multiply(this);
  }

  /** Multiplication by v: (c0 + c1v + c2v²)v = ξc2 + c0v + c1v². */
  Fp6 multiplyByV() {
    return new Fp6(c2.multiplyByXi(), c0, c1);
  }

  Fp6 invert() {
    Fp2 t0 = c0.square().subtract(c1.multiply(c2).multiplyByXi());
    Fp2 t1 = c2.square().multiplyByXi().subtract(c0.multiply(c1));
    Fp2 t2 = c1.square().subtract(c0.multiply(c2));
    Fp2 normInverse = c0.multiply(t0).add(c2.multiply(t1).multiplyByXi()).add(c1.multiply(t2).multiplyByXi()).invert();
    return new Fp6(t0.multiply(normInverse), t1.multiply(normInverse), t2.multiply(normInverse));
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp6 other && c0.equals(other.c0) && c1.equals(other.c1) && c2.equals(other.c2);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * c0.hashCode() + c1.hashCode()) + c2.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")v + (" + c2 + ")v²";
  }
}
