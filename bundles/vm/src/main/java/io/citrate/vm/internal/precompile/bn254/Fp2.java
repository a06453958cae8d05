package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/**
 * An element c0 + c1·u of Fp2 = Fp[u]/(u² + 1), the field G2's coordinates live in. The coefficients are held
 * as reduced BigIntegers rather than {@link Fp}s so that products reduce once per coefficient.
 */
public final class Fp2 implements FieldElement<Fp2> {
  private static final BigInteger P = Fp.MODULUS;
  public static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
  public static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);
  /** ξ = 9 + u, the non-residue defining Fp6 = Fp2[v]/(v³ - ξ) and the sextic twist. */
  public static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

  private final BigInteger c0;
  private final BigInteger c1;

  private Fp2(BigInteger c0, BigInteger c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  public static Fp2 of(Fp c0, Fp c1) {
    return new Fp2(c0.toBigInteger(), c1.toBigInteger());
  }

  public static Fp2 of(Fp c0) {
    return new Fp2(c0.toBigInteger(), BigInteger.ZERO);
  }

  public Fp real() {
    return Fp.canonical(c0);
  }

  public Fp imaginary() {
    return Fp.canonical(c1);
  }

  @Override
  public Fp2 add(Fp2 other) {
    return new Fp2(addMod(c0, other.c0), addMod(c1, other.c1));
  }

  @Override
  public Fp2 subtract(Fp2 other) {
    return new Fp2(subtractMod(c0, other.c0), subtractMod(c1, other.c1));
  }

  /** Karatsuba: three products, (a0 + a1u)(b0 + b1u) = a0b0 - a1b1 + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)u. */
  @Override
  public Fp2 multiply(Fp2 other) {
    BigInteger v0 = c0.multiply(other.c0);
    BigInteger v1 = c1.multiply(other.c1);
    BigInteger cross = c0.add(c1).multiply(other.c0.add(other.c1));
    return new Fp2(v0.subtract(v1).mod(P), cross.subtract(v0).subtract(v1).mod(P));
  }

  /** (a0 + a1u)² = (a0 + a1)(a0 - a1) + 2a0a1·u. */
  @Override
  public Fp2 square() {
    BigInteger real = c0.add(c1).multiply(c0.subtract(c1)).mod(P);
    BigInteger imaginary = c0.multiply(c1).shiftLeft(1).mod(P);
    return new Fp2(real, imaginary);
  }

  public Fp2 multiply(Fp scalar) {
    BigInteger s = scalar.toBigInteger();
    return new Fp2(c0.multiply(s).mod(P), c1.multiply(s).mod(P));
  }

  /** Multiplication by ξ = 9 + u: (a0 + a1u)(9 + u) = 9a0 - a1 + (a0 + 9a1)u. */
  public Fp2 multiplyByXi() {
    BigInteger nine0 = c0.shiftLeft(3).add(c0);
    BigInteger nine1 = c1.shiftLeft(3).add(c1);
    return new Fp2(nine0.subtract(c1).mod(P), c0.add(nine1).mod(P));
  }

  @Override
  public Fp2 negate() {
    return new Fp2(negateMod(c0), negateMod(c1));
  }

  /** The Frobenius map x ↦ x^p, which on Fp2 is conjugation since u^p = -u for p ≡ 3 (mod 4). */
  public Fp2 conjugate() {
    return new Fp2(c0, negateMod(c1));
  }

  /** 1/(a0 + a1u) = (a0 - a1u)/(a0² + a1²). */
  @Override
  public Fp2 invert() {
    BigInteger normInverse = c0.multiply(c0).add(c1.multiply(c1)).mod(P).modInverse(P);
    return new Fp2(c0.multiply(normInverse).mod(P), negateMod(c1.multiply(normInverse).mod(P)));
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
    return c0.signum() == 0 && c1.signum() == 0;
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

  private static BigInteger addMod(BigInteger a, BigInteger b) {
    BigInteger sum = a.add(b);
    return sum.compareTo(P) >= 0 ? sum.subtract(P) : sum;
  }

  private static BigInteger subtractMod(BigInteger a, BigInteger b) {
    BigInteger difference = a.subtract(b);
    return difference.signum() < 0 ? difference.add(P) : difference;
  }

  private static BigInteger negateMod(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }
}
