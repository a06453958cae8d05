package io.citrate.core.api.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.ec.endo.GLVEndomorphism;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.Pack;

/**
 * Computes u1·G + u2·R, the double-scalar multiplication at the heart of public key recovery. It is the
 * same algorithm as Bouncy Castle's {@code ECAlgorithms.sumOfTwoMultiplies} on secp256k1 (GLV split into
 * four half-length scalars, interleaved width-w NAF, one shared doubling chain), but works in place on
 * BC's raw field arithmetic: the generic point classes allocate several objects per addition, which costs
 * more than the field arithmetic itself.
 *
 * <p>Field elements are {@code int[8]} little-endian limbs, always fully reduced mod p.
 */
final class RecoveryMultiplier {
  /** Widest window BC's wNAF supports: 64 odd multiples, precomputed once since G never changes. */
  private static final int GENERATOR_WIDTH = 8;
  /** Window for R, whose table is rebuilt per signature; 5 balances table cost against additions. */
  private static final int NONCE_WIDTH = 5;

  private static final GLVEndomorphism ENDOMORPHISM = (GLVEndomorphism) Secp256k1.CURVE.getEndomorphism();
  /** The endomorphism maps (x, y) to (beta·x, y), multiplying the point by lambda. */
  private static final int[] BETA;
  private static final AffineTable GENERATOR_TABLE;
  private static final AffineTable MAPPED_GENERATOR_TABLE;

  static {
    ECPoint g = Secp256k1.G;
    ECPoint mapped = ENDOMORPHISM.getPointMap().map(g).normalize();
    BETA = toLimbs(mapped.getAffineXCoord().divide(g.getAffineXCoord()));
    GENERATOR_TABLE = AffineTable.ofOddMultiples(g, GENERATOR_WIDTH);
    MAPPED_GENERATOR_TABLE = GENERATOR_TABLE.mapped();
  }

  private RecoveryMultiplier() {}

  /**
   * Returns the affine coordinates x || y (64 bytes, big-endian) of u1·G + u2·R.
   *
   * @param noncePoint R, an affine point on the curve
   * @throws InvalidSignatureException if the sum is the point at infinity
   */
  static byte[] sumOfMultiplies(BigInteger generatorFactor, ECPoint noncePoint, BigInteger nonceFactor) {
    JacobianPoint scratch = new JacobianPoint();
    AffineTable nonceTable = scratch.oddMultiples(toLimbs(noncePoint.getAffineXCoord()),
        toLimbs(noncePoint.getAffineYCoord()), NONCE_WIDTH);
    BigInteger[] generatorParts = ENDOMORPHISM.decomposeScalar(generatorFactor);
    BigInteger[] nonceParts = ENDOMORPHISM.decomposeScalar(nonceFactor);
    ScalarStream[] streams = {
        new ScalarStream(generatorParts[0], GENERATOR_WIDTH, GENERATOR_TABLE),
        new ScalarStream(generatorParts[1], GENERATOR_WIDTH, MAPPED_GENERATOR_TABLE),
        new ScalarStream(nonceParts[0], NONCE_WIDTH, nonceTable),
        new ScalarStream(nonceParts[1], NONCE_WIDTH, nonceTable.mapped()),
    };
    int digits = 0;
    for (ScalarStream stream : streams) {
      digits = Math.max(digits, stream.wnaf.length);
    }
    JacobianPoint sum = new JacobianPoint();
    for (int i = digits - 1; i >= 0; i--) {
      sum.twice();
      for (ScalarStream stream : streams) {
        stream.addDigit(sum, i);
      }
    }
    if (sum.infinity) {
      throw new InvalidSignatureException("signature recovers to the point at infinity");
    }
    return sum.toAffineBytes();
  }

  private static int[] toLimbs(ECFieldElement element) {
    return Nat256.fromBigInteger(element.toBigInteger());
  }

  /** One GLV half of a scalar as a wNAF, with the table of the point it multiplies. */
  private static final class ScalarStream {
    final byte[] wnaf;
    final AffineTable table;
    final boolean negative;

    ScalarStream(BigInteger part, int width, AffineTable table) {
      this.negative = part.signum() < 0;
      this.wnaf = WNafUtil.generateWindowNaf(width, part.abs());
      this.table = table;
    }

    void addDigit(JacobianPoint sum, int position) {
      if (position >= wnaf.length || wnaf[position] == 0) {
        return;
      }
      int digit = wnaf[position];
      int index = Math.abs(digit) >>> 1;
      boolean subtract = (digit < 0) != negative;
      sum.addAffine(table.x[index], subtract ? table.negatedY[index] : table.y[index]);
    }
  }

  /** P, 3P, 5P, … in affine form, with each y negated as well so subtraction costs nothing extra. */
  private static final class AffineTable {
    final int[][] x;
    final int[][] y;
    final int[][] negatedY;

    AffineTable(int[][] x, int[][] y) {
      this.x = x;
      this.y = y;
      this.negatedY = new int[y.length][];
      for (int i = 0; i < y.length; i++) {
        negatedY[i] = Nat256.create();
        SecP256K1Field.negate(y[i], negatedY[i]);
      }
    }

    static AffineTable ofOddMultiples(ECPoint p, int width) {
      int size = 1 << (width - 2);
      ECPoint[] multiples = new ECPoint[size];
      ECPoint twice = p.twice();
      multiples[0] = p;
      for (int i = 1; i < size; i++) {
        multiples[i] = multiples[i - 1].add(twice);
      }
      p.getCurve().normalizeAll(multiples);
      int[][] x = new int[size][];
      int[][] y = new int[size][];
      for (int i = 0; i < size; i++) {
        x[i] = toLimbs(multiples[i].getAffineXCoord());
        y[i] = toLimbs(multiples[i].getAffineYCoord());
      }
      return new AffineTable(x, y);
    }

    /** The same multiples of lambda·P: y is unchanged and x is scaled by beta. */
    AffineTable mapped() {
      int[][] mappedX = new int[x.length][];
      for (int i = 0; i < x.length; i++) {
        mappedX[i] = Nat256.create();
        SecP256K1Field.multiply(x[i], BETA, mappedX[i]);
      }
      return new AffineTable(mappedX, y);
    }
  }

  /**
   * A mutable point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3) on y^2 = x^3 + 7, with its own scratch
   * space. The formulas never use the constant b, so they also hold on the isomorphic curves used while
   * building tables.
   */
  private static final class JacobianPoint {
    final int[] x = Nat256.create();
    final int[] y = Nat256.create();
    final int[] z = Nat256.create();
    boolean infinity = true;

    private final int[] t1 = Nat256.create();
    private final int[] t2 = Nat256.create();
    private final int[] t3 = Nat256.create();
    private final int[] t4 = Nat256.create();
    private final int[] t5 = Nat256.create();
    private final int[] product = Nat256.createExt();

    void setAffine(int[] ax, int[] ay) {
      Nat256.copy(ax, x);
      Nat256.copy(ay, y);
      Nat256.zero(z);
      z[0] = 1;
      infinity = false;
    }

    /** dbl-2009-l: 3M + 4S. */
    void twice() {
      if (infinity) {
        return;
      }
      int[] ySquared = t1;
      int[] m = t2;
      int[] s = t3;
      int[] yFourth = t4;
      SecP256K1Field.square(y, ySquared, product);
      SecP256K1Field.multiply(y, z, z, product);
      SecP256K1Field.twice(z, z);
      SecP256K1Field.square(ySquared, yFourth, product);
      SecP256K1Field.square(x, m, product);
      SecP256K1Field.twice(m, t5);
      SecP256K1Field.add(m, t5, m);
      SecP256K1Field.multiply(x, ySquared, s, product);
      SecP256K1Field.twice(s, s);
      SecP256K1Field.twice(s, s);
      SecP256K1Field.square(m, x, product);
      SecP256K1Field.subtract(x, s, x);
      SecP256K1Field.subtract(x, s, x);
      SecP256K1Field.subtract(s, x, y);
      SecP256K1Field.multiply(y, m, y, product);
      SecP256K1Field.twice(yFourth, yFourth);
      SecP256K1Field.twice(yFourth, yFourth);
      SecP256K1Field.twice(yFourth, yFourth);
      SecP256K1Field.subtract(y, yFourth, y);
    }

    /** Adds the affine point (ax, ay): madd-2007-bl without the doubling shortcut, 8M + 3S. */
    void addAffine(int[] ax, int[] ay) {
      if (infinity) {
        setAffine(ax, ay);
        return;
      }
      int[] zSquared = t1;
      int[] h = t2;
      int[] r = t3;
      SecP256K1Field.square(z, zSquared, product);
      SecP256K1Field.multiply(ax, zSquared, h, product);
      SecP256K1Field.subtract(h, x, h);
      SecP256K1Field.multiply(z, zSquared, r, product);
      SecP256K1Field.multiply(ay, r, r, product);
      SecP256K1Field.subtract(r, y, r);
      if (Nat256.isZero(h)) {
        // Same x: either the same point, which the addition formula cannot handle, or its negation.
        if (Nat256.isZero(r)) {
          twice();
        } else {
          infinity = true;
        }
        return;
      }
      int[] hSquared = t1;
      int[] hCubed = t4;
      int[] v = t5;
      SecP256K1Field.square(h, hSquared, product);
      SecP256K1Field.multiply(h, hSquared, hCubed, product);
      SecP256K1Field.multiply(x, hSquared, v, product);
      SecP256K1Field.multiply(z, h, z, product);
      SecP256K1Field.square(r, x, product);
      SecP256K1Field.subtract(x, hCubed, x);
      SecP256K1Field.subtract(x, v, x);
      SecP256K1Field.subtract(x, v, x);
      SecP256K1Field.multiply(y, hCubed, hCubed, product);
      SecP256K1Field.subtract(v, x, y);
      SecP256K1Field.multiply(y, r, y, product);
      SecP256K1Field.subtract(y, hCubed, y);
    }

    byte[] toAffineBytes() {
      int[] zInverse = t1;
      int[] zInverseSquared = t2;
      SecP256K1Field.inv(z, zInverse);
      SecP256K1Field.square(zInverse, zInverseSquared, product);
      SecP256K1Field.multiply(x, zInverseSquared, t3, product);
      SecP256K1Field.multiply(zInverseSquared, zInverse, zInverse, product);
      SecP256K1Field.multiply(y, zInverse, t4, product);
      byte[] out = new byte[PublicKey.SIZE];
      writeBigEndian(t3, out, 0);
      writeBigEndian(t4, out, 32);
      return out;
    }

    /**
     * P, 3P, …, (2^(width-1) - 1)P for the affine point P = (px, py). Each step adds 2P, made affine for
     * free by working on the isomorphic curve where 2P has Z = 1 (points scale by (Z^2, Z^3)); one
     * batched inversion then brings every multiple back to affine form on the real curve.
     */
    AffineTable oddMultiples(int[] px, int[] py, int width) {
      int size = 1 << (width - 2);
      setAffine(px, py);
      twice();
      int[] isoScale = z.clone();
      int[] twiceX = x.clone();
      int[] twiceY = y.clone();
      int[] scaleSquared = Nat256.create();
      SecP256K1Field.square(isoScale, scaleSquared, product);
      int[][] jx = new int[size][];
      int[][] jy = new int[size][];
      int[][] jz = new int[size][];
      SecP256K1Field.multiply(px, scaleSquared, x, product);
      SecP256K1Field.multiply(scaleSquared, isoScale, y, product);
      SecP256K1Field.multiply(py, y, y, product);
      Nat256.zero(z);
      z[0] = 1;
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          addAffine(twiceX, twiceY);
        }
        jx[i] = x.clone();
        jy[i] = y.clone();
        jz[i] = Nat256.create();
        // Back on the real curve the Z of every multiple carries the isomorphism's scale.
        SecP256K1Field.multiply(z, isoScale, jz[i], product);
      }
      invertAll(jz);
      for (int i = 0; i < size; i++) {
        SecP256K1Field.square(jz[i], t1, product);
        SecP256K1Field.multiply(jx[i], t1, jx[i], product);
        SecP256K1Field.multiply(t1, jz[i], t1, product);
        SecP256K1Field.multiply(jy[i], t1, jy[i], product);
      }
      return new AffineTable(jx, jy);
    }

    /** Replaces each element by its inverse with one field inversion (Montgomery's trick). */
    private void invertAll(int[][] elements) {
      int n = elements.length;
      int[][] prefix = new int[n][];
      prefix[0] = elements[0].clone();
      for (int i = 1; i < n; i++) {
        prefix[i] = Nat256.create();
        SecP256K1Field.multiply(prefix[i - 1], elements[i], prefix[i], product);
      }
      int[] inverse = t1;
      SecP256K1Field.inv(prefix[n - 1], inverse);
      for (int i = n - 1; i > 0; i--) {
        int[] elementInverse = t2;
        SecP256K1Field.multiply(inverse, prefix[i - 1], elementInverse, product);
        SecP256K1Field.multiply(inverse, elements[i], inverse, product);
        Nat256.copy(elementInverse, elements[i]);
      }
      Nat256.copy(inverse, elements[0]);
    }
  }

  private static void writeBigEndian(int[] limbs, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      Pack.intToBigEndian(limbs[7 - i], out, offset + 4 * i);
    }
  }
}
