package io.citrate.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WeiTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  @Test
  void constructsWithinRange() {
    assertThat(Wei.of(0)).isSameAs(Wei.ZERO);
    assertThat(Wei.of(TWO_256.subtract(BigInteger.ONE))).isEqualTo(Wei.MAX_WEI);
    assertThat(Wei.ofSalt(2).toBigInteger()).isEqualTo(new BigInteger("2000000000000000000"));
    assertThat(Wei.ofGwei(3)).isEqualTo(Wei.of(3_000_000_000L));
  }

  @Test
  void rejectsNegativeAndTooLarge() {
    assertThatThrownBy(() -> Wei.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned");
    assertThatThrownBy(() -> Wei.of(BigInteger.valueOf(-5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.of(TWO_256)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^256");
    assertThatThrownBy(() -> Wei.fromBytes(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.ofSalt(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmeticFailsInsteadOfWrapping() {
    assertThat(Wei.of(5).add(Wei.of(7))).isEqualTo(Wei.of(12));
    assertThat(Wei.of(7).subtract(Wei.of(7))).isSameAs(Wei.ZERO);
    assertThat(Wei.of(6).multiply(7)).isEqualTo(Wei.of(42));
    assertThat(Wei.of(6).multiply(Wei.of(7))).isEqualTo(Wei.of(42));
    assertThatThrownBy(() -> Wei.MAX_WEI.add(Wei.ONE)).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> Wei.of(1).subtract(Wei.of(2))).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("underflow");
    assertThatThrownBy(() -> Wei.MAX_WEI.multiply(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Wei.ONE.multiply(-2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesAndConverts() {
    assertThat(Wei.of(3).greaterThan(Wei.of(2))).isTrue();
    assertThat(Wei.of(2).lessThan(Wei.of(3))).isTrue();
    assertThat(Wei.of(2).min(Wei.of(3))).isEqualTo(Wei.of(2));
    assertThat(Wei.of(2).max(Wei.of(3))).isEqualTo(Wei.of(3));
    assertThat(Wei.ZERO.toMinimalBytes()).isEmpty();
    assertThat(Wei.of(256).toMinimalBytes()).containsExactly(1, 0);
    assertThat(Wei.MAX_WEI.toBytes32()).hasSize(32).containsOnly((byte) 0xff);
    assertThat(Wei.of(255).toHexString()).isEqualTo("0xff");
    assertThat(Wei.ZERO.toHexString()).isEqualTo("0x0");
    assertThat(Wei.fromHexString("0x1bc16d674ec80000")).isEqualTo(Wei.ofSalt(2));
    assertThat(Wei.fromBytes(new byte[] {0, 0, 1})).isEqualTo(Wei.ONE);
  }

  @Test
  void rejectsMalformedHexQuantities() {
    assertThatThrownBy(() -> Wei.fromHexString("0x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.fromHexString("0xzz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.fromHexString("0x1" + "0".repeat(64))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^256");
    assertThatThrownBy(() -> Wei.fromHexString("-0x1")).isInstanceOf(IllegalArgumentException.class);
  }
}
