package io.citrate.vm.internal.gas;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.vm.internal.state.Word;
import org.junit.jupiter.api.Test;

/** Each fork's calculator changes only what its EIPs change. */
class GasCalculatorsTest {
  private static final Word ONE = Word.fromBytes(new byte[] {1});

  @Test
  void londonShrinksTheRefundsOfBerlin() {
    BerlinGasCalculator berlin = new BerlinGasCalculator();
    LondonGasCalculator london = new LondonGasCalculator();

    assertThat(berlin.sstoreRefund(ONE, ONE, Word.ZERO)).isEqualTo(15_000);
    assertThat(london.sstoreRefund(ONE, ONE, Word.ZERO)).isEqualTo(4_800);
    assertThat(berlin.selfDestructRefund()).isEqualTo(24_000);
    assertThat(london.selfDestructRefund()).isZero();
    assertThat(berlin.maxRefundQuotient()).isEqualTo(2);
    assertThat(london.maxRefundQuotient()).isEqualTo(5);
    assertThat(london.sstoreCost(ONE, ONE, Word.ZERO)).isEqualTo(berlin.sstoreCost(ONE, ONE, Word.ZERO));
  }

  @Test
  void shanghaiMetersInitcode() {
    LondonGasCalculator london = new LondonGasCalculator();
    ShanghaiGasCalculator shanghai = new ShanghaiGasCalculator();
    CancunGasCalculator cancun = new CancunGasCalculator();

    assertThat(london.createCost(64, 0)).isEqualTo(32_000);
    assertThat(shanghai.createCost(64, 0)).isEqualTo(32_004);
    assertThat(cancun.create2Cost(64, 0)).isEqualTo(32_004 + 12);
    assertThat(london.maxInitcodeSize()).isEqualTo(Long.MAX_VALUE);
    assertThat(shanghai.maxInitcodeSize()).isEqualTo(49_152);
  }
}
