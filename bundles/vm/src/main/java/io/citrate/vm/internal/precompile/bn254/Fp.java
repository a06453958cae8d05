package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/** An element of the base field of bn254 (alt_bn128), the integers modulo {@link #MODULUS}. */
public final class Fp implements FieldElement<Fp> {
  public static final BigInteger MODULUS =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  public static final Fp ZERO = new Fp(BigInteger.ZERO);
  public static final Fp ONE = new Fp(BigInteger.ONE);

  private final BigInteger value;

  private Fp(BigInteger value) {
    this.value = value;
  }

  /** The element {@code value}, which must already lie in [0, p): encodings of field elements are canonical. */
  public static Fp canonical(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new IllegalArgumentException("not a canonical field element: " + value);
    }
    return new Fp(value);
  }

  /** {@code value} reduced modulo p. */
  public static Fp reduce(BigInteger value) {
    return new Fp(value.mod(MODULUS));
  }

  public static Fp of(long value) {
    return reduce(BigInteger.valueOf(value));
  }

  public BigInteger toBigInteger() {
    return value;
  }

  @Override
  public Fp add(Fp other) {
    BigInteger sum = value.add(other.value);
    return new Fp(sum.compareTo(MODULUS) >= 0 ? sum.subtract(MODULUS) : sum);
  }

  @Override
  public Fp subtract(Fp other) {
    BigInteger difference = value.subtract(other.value);
    return new Fp(difference.signum() < 0 ? difference.add(MODULUS) : difference);
  }

  @Override
  public Fp multiply(Fp other) {
    return new Fp(value.multiply(other.value).mod(MODULUS));
  }

  @Override
  public Fp square() {
    return multiply(this);
  }

  @Override
  public Fp negate() {
    return value.signum() == 0 ? this : new Fp(MODULUS.subtract(value));
  }

  @Override
  public Fp invert() {
    return new Fp(value.modInverse(MODULUS));
  }

  @Override
  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public Fp zero() {
    return ZERO;
  }

  @Override
  public Fp one() {
    return ONE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
