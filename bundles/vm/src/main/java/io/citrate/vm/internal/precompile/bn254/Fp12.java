package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;

/**
 * An element c0 + c1·w of Fp12 = Fp6[w]/(w² - v), where pairings take their values. Seen over Fp2 it is
 * Σ a_k w^k for k = 0..5 with w⁶ = ξ: c0 holds the even powers 1, w² = v, w⁴ = v², c1 the odd ones w, w³, w⁵.
 */
public final class Fp12 {
  public static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /** FROBENIUS[n - 1][k] = ξ^(k(p^n - 1)/6), the factor w^k picks up under x ↦ x^(p^n). */
  private static final Fp2[][] FROBENIUS = frobeniusCoefficients();

  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  public Fp12 multiply(Fp12 other) {
    Fp6 v0 = c0.multiply(other.c0);
    Fp6 v1 = c1.multiply(other.c1);
    Fp6 cross = c0.add(c1).multiply(other.c0.add(other.c1)).subtract(v0).subtract(v1);
    return new Fp12(v0.add(v1.multiplyByV()), cross);
  }

  /**
   * Product with a line a + b·w + c·w³, that is c0 = (a, 0, 0) and c1 = (b, c, 0): thirteen Fp2 products
   * where a full multiplication takes eighteen.
   */
  public Fp12 multiplyByLine(Fp2 a, Fp2 b, Fp2 c) {
    Fp6 v0 = c0.multiply(a);
    Fp6 v1 = c1.multiplyBy01(b, c);
    Fp6 cross = c0.add(c1).multiplyBy01(a.add(b), c).subtract(v0).subtract(v1);
    return new Fp12(v0.add(v1.multiplyByV()), cross);
  }

  /** (c0 + c1w)² = (c0 + c1)(c0 + vc1) - c0c1 - v·c0c1 + 2c0c1·w: two Fp6 products. */
  public Fp12 square() {
    Fp6 product = c0.multiply(c1);
    Fp6 real = c0.add(c1).multiply(c0.add(c1.multiplyByV())).subtract(product).subtract(product.multiplyByV());
    return new Fp12(real, product.add(product));
  }

  /** (c0 - c1w)/(c0² - v·c1²). */
  public Fp12 invert() {
    Fp6 normInverse = c0.square().subtract(c1.square().multiplyByV()).invert();
    return new Fp12(c0.multiply(normInverse), c1.multiply(normInverse).negate());
  }

  /** x ↦ x^(p⁶), which is c0 - c1w; on the cyclotomic subgroup, where pairings land, it is the inverse. */
  public Fp12 conjugate() {
    return new Fp12(c0, c1.negate());
  }

  /** x ↦ x^(p^n) for n in 1..3: each Fp2 coefficient a_k of w^k becomes a_k^(p^n)·ξ^(k(p^n - 1)/6). */
  public Fp12 frobenius(int n) {
    Fp2[] factor = FROBENIUS[n - 1];
    boolean conjugate = n % 2 == 1;
    return new Fp12(
        new Fp6(
            map(c0.c0, conjugate).multiply(factor[0]),
            map(c0.c1, conjugate).multiply(factor[2]),
            map(c0.c2, conjugate).multiply(factor[4])),
        new Fp6(
            map(c1.c0, conjugate).multiply(factor[1]),
            map(c1.c1, conjugate).multiply(factor[3]),
            map(c1.c2, conjugate).multiply(factor[5])));
  }

  public Fp12 pow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  public boolean isOne() {
    return equals(ONE);
  }

  /** The Frobenius factor ξ^(k(p^n - 1)/6) for w^k, also what twisted points' coordinates pick up. */
  static Fp2 frobeniusFactor(int n, int k) {
    return FROBENIUS[n - 1][k];
  }

  private static Fp2 map(Fp2 coefficient, boolean conjugate) {
    return conjugate ? coefficient.conjugate() : coefficient;
  }

  private static Fp2[][] frobeniusCoefficients() {
    Fp2[][] table = new Fp2[3][6];
    for (int n = 1; n <= 3; n++) {
      BigInteger sixth = Fp.MODULUS.pow(n).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
      for (int k = 0; k < 6; k++) {
        table[n - 1][k] = Fp2.XI.pow(sixth.multiply(BigInteger.valueOf(k)));
      }
    }
    return table;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 other && c0.equals(other.c0) && c1.equals(other.c1);
  }

  @Override
  public int hashCode() {
    return 31 * c0.hashCode() + c1.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")w";
  }
}
