package io.citrate.vm.internal.precompile.bn254;

/**
 * An element of a finite field, immutable, as the curve arithmetic of {@link JacobianPoint} needs it: the
 * same formulas serve G1 over Fp and G2 over Fp2.
 */
public interface FieldElement<F extends FieldElement<F>> {
  F add(F other);

  F subtract(F other);

  F multiply(F other);

  F square();

  F negate();

  /** The multiplicative inverse; undefined for zero. */
  F invert();

  boolean isZero();

  /** The additive identity of this element's field. */
  F zero();

  /** The multiplicative identity of this element's field. */
  F one();

  default F twice() {
    @SuppressWarnings("unchecked")
    F self = (F) this;
    return add(self);
  }
}
