package io.citrate.vm.internal.precompile.bn254;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * An element of the base field of bn254 (alt_bn128), the integers modulo {@link #MODULUS}. Held as four 64-bit
 * limbs in Montgomery form, a·2^256 mod p, so that a product costs one Montgomery multiplication (coarsely
 * integrated operand scanning, Koç, Acar and Kaliski 1996) instead of a BigInteger division. Every value is
 * kept fully reduced, which makes the limbs unique and {@link #equals} a limb comparison.
 */
public final class Fp implements FieldElement<Fp> {
  public static final BigInteger MODULUS =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private static final long P0 = limb(MODULUS, 0);
  private static final long P1 = limb(MODULUS, 1);
  private static final long P2 = limb(MODULUS, 2);
  private static final long P3 = limb(MODULUS, 3);
  /** -p⁻¹ mod 2^64, the factor that makes each reduction step divisible by 2^64. */
  private static final long P_INVERSE_NEGATED =
      MODULUS.negate().modInverse(BigInteger.ONE.shiftLeft(64)).longValue();
  private static final BigInteger R = BigInteger.ONE.shiftLeft(256).mod(MODULUS);

  public static final Fp ZERO = new Fp(0, 0, 0, 0);
  public static final Fp ONE = fromStandard(BigInteger.ONE);

  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;

  private Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** The element {@code value}, which must already lie in [0, p): encodings of field elements are canonical. */
  public static Fp canonical(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new IllegalArgumentException("not a canonical field element: " + value);
    }
    return fromStandard(value);
  }

  /** {@code value} reduced modulo p. */
  public static Fp reduce(BigInteger value) {
    return fromStandard(value.mod(MODULUS));
  }

  public static Fp of(long value) {
    return reduce(BigInteger.valueOf(value));
  }

  public BigInteger toBigInteger() {
    return toBigInteger(montgomeryMultiply(this, 1, 0, 0, 0));
  }

  @Override
  public Fp add(Fp other) {
    long s0 = l0 + other.l0;
    long c = Long.compareUnsigned(s0, l0) < 0 ? 1 : 0;
    long s1 = l1 + other.l1 + c;
    c = carry(l1, other.l1, c, s1);
    long s2 = l2 + other.l2 + c;
    c = carry(l2, other.l2, c, s2);
    long s3 = l3 + other.l3 + c;
    // p < 2^254, so the sum of two reduced values cannot carry out of the top limb.
    return reduceOnce(s0, s1, s2, s3);
  }

  @Override
  public Fp subtract(Fp other) {
    long d0 = l0 - other.l0;
    long b = Long.compareUnsigned(l0, other.l0) < 0 ? 1 : 0;
    long d1 = l1 - other.l1 - b;
    b = borrow(l1, other.l1, b);
    long d2 = l2 - other.l2 - b;
    b = borrow(l2, other.l2, b);
    long d3 = l3 - other.l3 - b;
    b = borrow(l3, other.l3, b);
    if (b == 0) {
      return new Fp(d0, d1, d2, d3);
    }
    long s0 = d0 + P0;
    long c = Long.compareUnsigned(s0, d0) < 0 ? 1 : 0;
    long s1 = d1 + P1 + c;
    c = carry(d1, P1, c, s1);
    long s2 = d2 + P2 + c;
    c = carry(d2, P2, c, s2);
    long s3 = d3 + P3 + c;
    return new Fp(s0, s1, s2, s3);
  }

  @Override
  public Fp multiply(Fp other) {
    return montgomeryMultiply(this, other.l0, other.l1, other.l2, other.l3);
  }

  @Override
  public Fp square() {
    return montgomeryMultiply(this, l0, l1, l2, l3);
  }

  @Override
  public Fp negate() {
    return isZero() ? this : ZERO.subtract(this);
  }

  /** Through BigInteger: inversions are rare next to products, and its extended Euclid is fast enough. */
  @Override
  public Fp invert() {
    return fromStandard(toBigInteger().modInverse(MODULUS));
  }

  @Override
  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
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
    return o instanceof Fp other && l0 == other.l0 && l1 == other.l1 && l2 == other.l2 && l3 == other.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ l1 * 31 ^ l2 * 961 ^ l3 * 29791);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }

  private static Fp fromStandard(BigInteger value) {
    BigInteger montgomery = value.multiply(R).mod(MODULUS);
    return new Fp(limb(montgomery, 0), limb(montgomery, 1), limb(montgomery, 2), limb(montgomery, 3));
  }

  /** a·b·2^-256 mod p for b given as limbs, by CIOS: interleaved multiply and reduce, one limb of b per round. */
  private static Fp montgomeryMultiply(Fp a, long b0, long b1, long b2, long b3) {
    // Unrolled into locals: the JIT keeps them in registers, where arrays would be allocated.
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5;
    long lo, hi, s, c, m;
    // Round 0: t += a·b0, then add the multiple of p that clears t0 and shift down a limb.
    c = 0;
    lo = a.l0 * b0;
    hi = unsignedMultiplyHigh(a.l0, b0);
    s = lo + t0;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l1 * b0;
    hi = unsignedMultiplyHigh(a.l1, b0);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l2 * b0;
    hi = unsignedMultiplyHigh(a.l2, b0);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l3 * b0;
    hi = unsignedMultiplyHigh(a.l3, b0);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + c;
    hi += Long.compareUnsigned(t3, s) < 0 ? 1 : 0;
    c = hi;
    t4 += c;
    t5 = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    m = t0 * P_INVERSE_NEGATED;
    lo = m * P0;
    s = lo + t0;
    c = unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = m * P1;
    hi = unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P2;
    hi = unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P3;
    hi = unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    t3 = t4 + c;
    t4 = t5 + (Long.compareUnsigned(t3, c) < 0 ? 1 : 0);
    // Round 1.
    c = 0;
    lo = a.l0 * b1;
    hi = unsignedMultiplyHigh(a.l0, b1);
    s = lo + t0;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l1 * b1;
    hi = unsignedMultiplyHigh(a.l1, b1);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l2 * b1;
    hi = unsignedMultiplyHigh(a.l2, b1);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l3 * b1;
    hi = unsignedMultiplyHigh(a.l3, b1);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + c;
    hi += Long.compareUnsigned(t3, s) < 0 ? 1 : 0;
    c = hi;
    t4 += c;
    t5 = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    m = t0 * P_INVERSE_NEGATED;
    lo = m * P0;
    s = lo + t0;
    c = unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = m * P1;
    hi = unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P2;
    hi = unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P3;
    hi = unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    t3 = t4 + c;
    t4 = t5 + (Long.compareUnsigned(t3, c) < 0 ? 1 : 0);
    // Round 2.
    c = 0;
    lo = a.l0 * b2;
    hi = unsignedMultiplyHigh(a.l0, b2);
    s = lo + t0;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l1 * b2;
    hi = unsignedMultiplyHigh(a.l1, b2);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l2 * b2;
    hi = unsignedMultiplyHigh(a.l2, b2);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l3 * b2;
    hi = unsignedMultiplyHigh(a.l3, b2);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + c;
    hi += Long.compareUnsigned(t3, s) < 0 ? 1 : 0;
    c = hi;
    t4 += c;
    t5 = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    m = t0 * P_INVERSE_NEGATED;
    lo = m * P0;
    s = lo + t0;
    c = unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = m * P1;
    hi = unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P2;
    hi = unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P3;
    hi = unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    t3 = t4 + c;
    t4 = t5 + (Long.compareUnsigned(t3, c) < 0 ? 1 : 0);
    // Round 3.
    c = 0;
    lo = a.l0 * b3;
    hi = unsignedMultiplyHigh(a.l0, b3);
    s = lo + t0;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l1 * b3;
    hi = unsignedMultiplyHigh(a.l1, b3);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l2 * b3;
    hi = unsignedMultiplyHigh(a.l2, b3);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    lo = a.l3 * b3;
    hi = unsignedMultiplyHigh(a.l3, b3);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t3 = s + c;
    hi += Long.compareUnsigned(t3, s) < 0 ? 1 : 0;
    c = hi;
    t4 += c;
    t5 = Long.compareUnsigned(t4, c) < 0 ? 1 : 0;
    m = t0 * P_INVERSE_NEGATED;
    lo = m * P0;
    s = lo + t0;
    c = unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = m * P1;
    hi = unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t0 = s + c;
    hi += Long.compareUnsigned(t0, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P2;
    hi = unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t1 = s + c;
    hi += Long.compareUnsigned(t1, s) < 0 ? 1 : 0;
    c = hi;
    lo = m * P3;
    hi = unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    t2 = s + c;
    hi += Long.compareUnsigned(t2, s) < 0 ? 1 : 0;
    c = hi;
    t3 = t4 + c;
    t4 = t5 + (Long.compareUnsigned(t3, c) < 0 ? 1 : 0);
    // The result is below 2p, and with p < 2^254 it fits in four limbs: t[4] is zero.
    return reduceOnce(t0, t1, t2, t3);
  }

  /** The value given by the limbs, which is below 2p, reduced below p. */
  private static Fp reduceOnce(long s0, long s1, long s2, long s3) {
    long d0 = s0 - P0;
    long b = Long.compareUnsigned(s0, P0) < 0 ? 1 : 0;
    long d1 = s1 - P1 - b;
    b = borrow(s1, P1, b);
    long d2 = s2 - P2 - b;
    b = borrow(s2, P2, b);
    long d3 = s3 - P3 - b;
    b = borrow(s3, P3, b);
    return b == 0 ? new Fp(d0, d1, d2, d3) : new Fp(s0, s1, s2, s3);
  }

  /** Carry out of x + y + carryIn, given their 64-bit sum. */
  private static long carry(long x, long y, long carryIn, long sum) {
    return Long.compareUnsigned(sum, x) < 0 || (carryIn == 1 && sum == x) ? 1 : 0;
  }

  /** Borrow out of x - y - borrowIn. */
  private static long borrow(long x, long y, long borrowIn) {
    return Long.compareUnsigned(x, y) < 0 || (borrowIn == 1 && x == y) ? 1 : 0;
  }

  /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrives in Java 18). */
  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  private static long limb(BigInteger value, int index) {
    return value.shiftRight(64 * index).longValue();
  }

  private static BigInteger toBigInteger(Fp standard) {
    ByteBuffer bytes = ByteBuffer.allocate(32);
    bytes.putLong(standard.l3).putLong(standard.l2).putLong(standard.l1).putLong(standard.l0);
    return new BigInteger(1, bytes.array());
  }

}
