package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing e: G1 × G2 → GT ⊂ Fp12* of bn254 (Vercauteren, "Optimal pairings", 2010):
 * e(P, Q) = (f_{6x+2,Q}(P) · l_{T,π(Q)}(P) · l_{T',-π²(Q)}(P))^((p¹² - 1)/r) for the curve parameter x.
 *
 * <p>T runs through multiples of Q on the twist in Jacobian coordinates (X, Y, Z), so no step inverts. With
 * ψ(x, y) = (x·w², y·w³) mapping the twist into E(Fp12), the line through a twist point (x0, y0) with twist
 * slope λ, evaluated at P = (xP, yP), is yP - λ·xP·w + (λ·x0 - y0)·w³. Each step scales it by λ's
 * denominator, an Fp2 element; that factor, like the vertical lines left out, lies in Fp6, which the final
 * exponentiation sends to one.
 */
public final class OptimalAtePairing {
  /** The BN parameter x; p and r are polynomials in it. */
  private static final BigInteger X = new BigInteger("4965661367192848881");
  private static final BigInteger LOOP_COUNT = X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);

  private OptimalAtePairing() {}

  /** e(P, Q), for tests and anything needing the value rather than a product check. */
  public static Fp12 pairing(JacobianPoint<Fp> p, JacobianPoint<Fp2> q) {
    return finalExponentiation(millerLoop(List.of(new Pair(p, q))));
  }

  /** True if Π e(P_i, Q_i) = 1, the check EIP-197's precompile makes; true for no pairs. */
  public static boolean isProductOne(List<Pair> pairs) {
    return finalExponentiation(millerLoop(pairs)).isOne();
  }

  /** A G1 and a G2 point, both already checked to be in their groups. */
  public record Pair(JacobianPoint<Fp> p, JacobianPoint<Fp2> q) {}

  /** An affine point on the twist. */
  private record TwistPoint(Fp2 x, Fp2 y) {
    TwistPoint negate() {
      return new TwistPoint(x, y.negate());
    }

    /** π(Q) carried back to the twist, ψ(Q) of {@link Bn254#psi}. */
    TwistPoint frobenius() {
      JacobianPoint<Fp2> image = Bn254.psi(JacobianPoint.affine(x, y));
      return new TwistPoint(image.x(), image.y());
    }

    /** π²(Q) carried back to the twist: (x·ξ^((p²-1)/3), y·ξ^((p²-1)/2)). */
    TwistPoint frobeniusSquared() {
      return new TwistPoint(x.multiply(Fp12.frobeniusFactor(2, 2)), y.multiply(Fp12.frobeniusFactor(2, 3)));
    }
  }

  /** One pair's state through the loop: the fixed P and Q and the running multiple T of Q. */
  private static final class Accumulator {
    private final Fp xP;
    private final Fp yP;
    private final TwistPoint q;
    private JacobianPoint<Fp2> t;

    Accumulator(Fp xP, Fp yP, TwistPoint q) {
      this.xP = xP;
      this.yP = yP;
      this.q = q;
      this.t = JacobianPoint.affine(q.x, q.y);
    }

    /**
     * T ← 2T, multiplying f by the tangent at T evaluated at P. With x = X/Z², y = Y/Z³ the slope is 3X²/(2YZ);
     * scaled by 2YZ³ the line is 2YZ³·yP - 3X²Z²·xP·w + (3X³ - 2Y²)·w³.
     */
    Fp12 doubleStep(Fp12 f) {
      if (t.isInfinity()) {
        return f;
      }
      Fp2 x = t.x();
      Fp2 y = t.y();
      Fp2 z = t.z();
      Fp2 zSquared = z.square();
      Fp2 xSquared = x.square();
      Fp2 threeXSquared = xSquared.twice().add(xSquared);
      Fp2 denominator = y.multiply(z).twice();
      Fp12 product = f.multiplyByLine(
          denominator.multiply(zSquared).multiply(yP),
          threeXSquared.multiply(zSquared).multiply(xP).negate(),
          threeXSquared.multiply(x).subtract(y.square().twice()));
      t = t.doubled();
      return product;
    }

    /**
     * T ← T + R for an affine R, multiplying f by the line through T and R evaluated at P. The slope is N/D with
     * N = yR·Z³ - Y and D = Z(xR·Z² - X); through R and scaled by D the line is
     * D·yP - N·xP·w + (N·xR - D·yR)·w³.
     */
    Fp12 addStep(Fp12 f, TwistPoint r) {
      if (t.isInfinity()) {
        t = JacobianPoint.affine(r.x, r.y);
        return f;
      }
      Fp2 z = t.z();
      Fp2 zSquared = z.square();
      Fp2 numerator = r.y.multiply(zSquared).multiply(z).subtract(t.y());
      Fp2 denominator = z.multiply(r.x.multiply(zSquared).subtract(t.x()));
      if (denominator.isZero()) {
        if (numerator.isZero()) {
          return doubleStep(f);
        }
        // T = -R: the line is vertical, and T + R is infinity.
        t = JacobianPoint.infinity(Fp2.ONE);
        return f;
      }
      Fp12 product = f.multiplyByLine(
          denominator.multiply(yP),
          numerator.multiply(xP).negate(),
          numerator.multiply(r.x).subtract(denominator.multiply(r.y)));
      t = t.add(JacobianPoint.affine(r.x, r.y));
      return product;
    }
  }

  static Fp12 millerLoop(List<Pair> pairs) {
    List<Accumulator> accumulators = new ArrayList<>();
    for (Pair pair : pairs) {
      // A factor with either point at infinity is one.
      if (!pair.p.isInfinity() && !pair.q.isInfinity()) {
        accumulators.add(new Accumulator(pair.p.affineX(), pair.p.affineY(),
            new TwistPoint(pair.q.affineX(), pair.q.affineY())));
      }
    }
    Fp12 f = Fp12.ONE;
    for (int i = LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
      f = f.square();
      for (Accumulator accumulator : accumulators) {
        f = accumulator.doubleStep(f);
      }
      if (LOOP_COUNT.testBit(i)) {
        for (Accumulator accumulator : accumulators) {
          f = accumulator.addStep(f, accumulator.q);
        }
      }
    }
    for (Accumulator accumulator : accumulators) {
      f = accumulator.addStep(f, accumulator.q.frobenius());
      f = accumulator.addStep(f, accumulator.q.frobeniusSquared().negate());
    }
    return f;
  }

  /**
   * f^((p¹² - 1)/r), split as (p⁶ - 1)(p² + 1) · (p⁴ - p² + 1)/r. The first factor costs a conjugation, an
   * inversion and a Frobenius map; the hard part follows Scott, Benger, Charlemagne, Dominguez Perez and
   * Kachisa ("On the final exponentiation for calculating pairings on ordinary elliptic curves", 2009),
   * writing the exponent in base p with coefficients in x: three exponentiations by x and a short chain.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t1 = f.conjugate().multiply(f.invert());
    t1 = t1.frobenius(2).multiply(t1);

    Fp12 fp = t1.frobenius(1);
    Fp12 fp2 = t1.frobenius(2);
    Fp12 fp3 = fp2.frobenius(1);
    Fp12 fu = t1.pow(X);
    Fp12 fu2 = fu.pow(X);
    Fp12 fu3 = fu2.pow(X);

    Fp12 y0 = fp.multiply(fp2).multiply(fp3);
    Fp12 y1 = t1.conjugate();
    Fp12 y2 = fu2.frobenius(2);
    Fp12 y3 = fu.frobenius(1).conjugate();
    Fp12 y4 = fu.multiply(fu2.frobenius(1)).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.multiply(fu3.frobenius(1)).conjugate();

    Fp12 t0 = y6.square().multiply(y4).multiply(y5);
    Fp12 t = y3.multiply(y5).multiply(t0);
    t0 = t0.multiply(y2);
    t = t.square().multiply(t0).square();
    t0 = t.multiply(y1);
    t = t.multiply(y0);
    t0 = t0.square().multiply(t);
    return t0;
  }
}
