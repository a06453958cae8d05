package io.citrate.vm.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Limb arithmetic against BigInteger over words of every width, edge values included. */
class WordsTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);
  private static final BigInteger SIGN_BIT = BigInteger.ONE.shiftLeft(255);

  @Provide
  Arbitrary<BigInteger> words() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX);
    Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1L << 40));
    Arbitrary<BigInteger> powers = Arbitraries.integers().between(0, 255).map(BigInteger.ONE::shiftLeft);
    Arbitrary<BigInteger> nearPowers = Arbitraries.integers().between(1, 256)
        .map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, MAX, SIGN_BIT, MAX.subtract(BigInteger.ONE));
    return Arbitraries.oneOf(any, small, powers, nearPowers, edges);
  }

  private static long[] stack(BigInteger... values) {
    long[] w = new long[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      Words.fromBigInteger(values[i], w, i * 4);
    }
    return w;
  }

  private static BigInteger signed(BigInteger value) {
    return value.testBit(255) ? value.subtract(TWO_256) : value;
  }

  private static BigInteger wrap(BigInteger value) {
    return value.mod(TWO_256);
  }

  @Property
  void addSubMul(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    long[] w = stack(a, b, BigInteger.ZERO);
    Words.add(w, 0, 4, 8);
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(wrap(a.add(b)));
    Words.sub(w, 0, 4, 8);
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(wrap(a.subtract(b)));
    Words.mul(w, 0, 4, 8);
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(wrap(a.multiply(b)));
  }

  @Property
  void divisionFamily(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b, @ForAll("words") BigInteger n) {
    long[] w = stack(a, b, n, BigInteger.ZERO);
    Words.div(w, 0, 4, 12);
    assertThat(Words.toBigInteger(w, 12)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
    Words.mod(w, 0, 4, 12);
    assertThat(Words.toBigInteger(w, 12)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
    Words.sdiv(w, 0, 4, 12);
    assertThat(Words.toBigInteger(w, 12))
        .isEqualTo(b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).divide(signed(b))));
    Words.smod(w, 0, 4, 12);
    assertThat(Words.toBigInteger(w, 12))
        .isEqualTo(b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).remainder(signed(b))));
    Words.addMod(w, 0, 4, 8, 12);
    assertThat(Words.toBigInteger(w, 12)).isEqualTo(n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n));
    Words.mulMod(w, 0, 4, 8, 12);
    assertThat(Words.toBigInteger(w, 12)).isEqualTo(n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n));
  }

  @Property
  void comparisons(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    long[] w = stack(a, b);
    assertThat(Integer.signum(Words.compareUnsigned(w, 0, 4))).isEqualTo(a.compareTo(b));
    assertThat(Integer.signum(Words.compareSigned(w, 0, 4))).isEqualTo(signed(a).compareTo(signed(b)));
    assertThat(Words.equal(w, 0, 4)).isEqualTo(a.equals(b));
  }

  @Property
  void shifts(@ForAll("words") BigInteger value, @ForAll("shifts") int shift) {
    long[] w = stack(value);
    Words.shiftLeft(w, 0, shift);
    assertThat(Words.toBigInteger(w, 0)).isEqualTo(wrap(value.shiftLeft(shift)));
    w = stack(value);
    Words.shiftRight(w, 0, shift, false);
    assertThat(Words.toBigInteger(w, 0)).isEqualTo(value.shiftRight(shift));
    w = stack(value);
    Words.shiftRight(w, 0, shift, true);
    assertThat(Words.toBigInteger(w, 0)).isEqualTo(wrap(signed(value).shiftRight(Math.min(shift, 256))));
  }

  @Provide
  Arbitrary<Integer> shifts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 300), Arbitraries.of(0, 1, 63, 64, 65, 128, 255, 256));
  }

  @Property
  void signExtendAndByte(@ForAll("words") BigInteger value, @ForAll("shifts") int position) {
    long[] w = stack(BigInteger.valueOf(position), value, BigInteger.ZERO);
    Words.signExtend(w, 0, 4, 8);
    BigInteger expected = value;
    if (position < 31) {
      int bits = (position + 1) * 8;
      BigInteger low = value.mod(BigInteger.ONE.shiftLeft(bits));
      expected = low.testBit(bits - 1) ? wrap(low.subtract(BigInteger.ONE.shiftLeft(bits))) : low;
    }
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(expected);
    Words.byteAt(w, 0, 4, 8);
    BigInteger expectedByte = position < 32 ? value.shiftRight(8 * (31 - position)).and(BigInteger.valueOf(0xff)) : BigInteger.ZERO;
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(expectedByte);
  }

  @Property
  void exp(@ForAll("words") BigInteger base, @ForAll("words") BigInteger exponent) {
    long[] w = stack(base, exponent, BigInteger.ZERO);
    Words.exp(w, 0, 4, 8);
    assertThat(Words.toBigInteger(w, 8)).isEqualTo(base.modPow(exponent, TWO_256));
    assertThat(Words.byteLength(w, 4)).isEqualTo((exponent.bitLength() + 7) / 8);
  }

  @Property
  void bytesRoundTrip(@ForAll("words") BigInteger value) {
    long[] w = stack(value);
    byte[] bytes = new byte[32];
    Words.toBytes(w, 0, bytes, 0);
    long[] back = new long[4];
    Words.fromBytes(bytes, 0, 32, back, 0);
    assertThat(Words.toBigInteger(back, 0)).isEqualTo(value);
  }

  @Test
  void readingPastTheEndPadsWithZerosOnTheRight() {
    long[] w = new long[4];
    Words.fromBytes(new byte[] {1, 2}, 1, 2, w, 0);
    assertThat(Words.toBigInteger(w, 0)).isEqualTo(BigInteger.valueOf(0x0200));
  }
}
