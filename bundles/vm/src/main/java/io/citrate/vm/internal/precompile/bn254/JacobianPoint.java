package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of a short Weierstrass curve y² = x³ + b in Jacobian coordinates (X, Y, Z) for x = X/Z², y = Y/Z³,
 * so that adding and doubling need no inversion; Z = 0 is the point at infinity. The formulas hold for any
 * b, so the same class serves G1 over Fp and G2 on the twist over Fp2.
 */
public final class JacobianPoint<F extends FieldElement<F>> {
  private final F x;
  private final F y;
  private final F z;

  private JacobianPoint(F x, F y, F z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  public static <F extends FieldElement<F>> JacobianPoint<F> affine(F x, F y) {
    return new JacobianPoint<>(x, y, x.one());
  }

  static <F extends FieldElement<F>> JacobianPoint<F> jacobian(F x, F y, F z) {
    return new JacobianPoint<>(x, y, z);
  }

  public static <F extends FieldElement<F>> JacobianPoint<F> infinity(F one) {
    return new JacobianPoint<>(one, one, one.zero());
  }

  F x() {
    return x;
  }

  F y() {
    return y;
  }

  F z() {
    return z;
  }

  public boolean isInfinity() {
    return z.isZero();
  }

  /** Affine x; only for a finite point. */
  public F affineX() {
    return x.multiply(z.square().invert());
  }

  /** Affine y; only for a finite point. */
  public F affineY() {
    F zInverse = z.invert();
    return y.multiply(zInverse.square().multiply(zInverse));
  }

  public JacobianPoint<F> negate() {
    return new JacobianPoint<>(x, y.negate(), z);
  }

  /** Doubling for a = 0 ("dbl-2009-l", Explicit-Formulas Database). */
  public JacobianPoint<F> doubled() {
    if (isInfinity()) {
      return this;
    }
    F a = x.square();
    F b = y.square();
    F c = b.square();
    F d = x.add(b).square().subtract(a).subtract(c).twice();
    F e = a.twice().add(a);
    F x3 = e.square().subtract(d.twice());
    F eightC = c.twice().twice().twice();
    F y3 = e.multiply(d.subtract(x3)).subtract(eightC);
    F z3 = y.multiply(z).twice();
    return new JacobianPoint<>(x3, y3, z3);
  }

  /** Addition ("add-2007-bl", Explicit-Formulas Database), falling back to doubling for equal points. */
  public JacobianPoint<F> add(JacobianPoint<F> other) {
    if (isInfinity()) {
      return other;
    }
    if (other.isInfinity()) {
      return this;
    }
    F z1z1 = z.square();
    F z2z2 = other.z.square();
    F u1 = x.multiply(z2z2);
    F u2 = other.x.multiply(z1z1);
    F s1 = y.multiply(other.z).multiply(z2z2);
    F s2 = other.y.multiply(z).multiply(z1z1);
    F h = u2.subtract(u1);
    F r = s2.subtract(s1).twice();
    if (h.isZero()) {
      return r.isZero() ? doubled() : infinity(x.one());
    }
    F i = h.twice().square();
    F j = h.multiply(i);
    F v = u1.multiply(i);
    F x3 = r.square().subtract(j).subtract(v.twice());
    F y3 = r.multiply(v.subtract(x3)).subtract(s1.multiply(j).twice());
    F z3 = z.add(other.z).square().subtract(z1z1).subtract(z2z2).multiply(h);
    return new JacobianPoint<>(x3, y3, z3);
  }

  /** [scalar]P by double-and-add from the top bit; the scalar is non-negative. */
  public JacobianPoint<F> multiply(BigInteger scalar) {
    JacobianPoint<F> result = infinity(x.one());
    for (int i = scalar.bitLength() - 1; i >= 0; i--) {
      result = result.doubled();
      if (scalar.testBit(i)) {
        result = result.add(this);
      }
    }
    return result;
  }

  /** True if the point is the same as {@code other}, comparing X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³. */
  public boolean sameAs(JacobianPoint<F> other) {
    if (isInfinity() || other.isInfinity()) {
      return isInfinity() && other.isInfinity();
    }
    F z1z1 = z.square();
    F z2z2 = other.z.square();
    return x.multiply(z2z2).equals(other.x.multiply(z1z1))
        && y.multiply(z2z2.multiply(other.z)).equals(other.y.multiply(z1z1.multiply(z)));
  }
}
