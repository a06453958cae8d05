package io.citrate.vm.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LongDivisionTest {
  private static BigInteger value(int[] digits, int length) {
    BigInteger v = BigInteger.ZERO;
    for (int i = length - 1; i >= 0; i--) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(digits[i] & 0xffffffffL));
    }
    return v;
  }

  private static void check(int[] u, int[] v) {
    int m = LongDivision.length(u, u.length);
    int n = LongDivision.length(v, v.length);
    if (n == 0 || m < n) {
      return;
    }
    int[] q = new int[m - n + 1];
    int[] r = new int[n];
    LongDivision.divide(u, m, v, n, q, r);
    BigInteger[] expected = value(u, m).divideAndRemainder(value(v, n));
    assertThat(value(q, q.length)).isEqualTo(expected[0]);
    assertThat(value(r, r.length)).isEqualTo(expected[1]);
  }

  @Property
  void agreesWithBigInteger(@ForAll @Size(min = 1, max = 16) int[] u, @ForAll @Size(min = 1, max = 8) int[] v) {
    check(u, v);
  }

  @Property
  void agreesWithBigIntegerOnNearlyEqualTopDigits(@ForAll @IntRange(min = 0, max = 3) int shift,
      @ForAll @Size(min = 2, max = 8) int[] v) {
    // Dividends built from the divisor exercise the quotient-digit correction steps.
    int[] u = new int[v.length + 2];
    System.arraycopy(v, 0, u, shift % 2, v.length);
    u[u.length - 1] = v[v.length - 1];
    check(u, v);
  }

  @Test
  void addsBackWhenTheQuotientDigitEstimateIsOneTooLarge() {
    // Hacker's Delight's divmnu test vector that takes the add-back branch.
    int[] u = {0x00000000, 0x00000000, 0x80000000, 0x7fffffff};
    int[] v = {0x00000001, 0x00000000, 0x80000000};
    int[] q = new int[2];
    int[] r = new int[3];
    LongDivision.divide(u, 4, v, 3, q, r);
    assertThat(q).containsExactly(0xfffffffe, 0x00000000);
    assertThat(r).containsExactly(0x00000002, 0xffffffff, 0x7fffffff);
  }
}
