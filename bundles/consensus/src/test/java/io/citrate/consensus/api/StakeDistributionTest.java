package io.citrate.consensus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.core.api.vrf.VrfPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class StakeDistributionTest {
  private static final VrfPublicKey KEY = VrfPrivateKey.fromBytes(Bytes.leftPad(new byte[] {1}, 32)).publicKey();

  @Test
  void sumsStakesAndOrdersValidatorsByAddress() {
    Validator second = new Validator(address(2), KEY, Wei.ofSalt(3));
    Validator first = new Validator(address(1), KEY, Wei.ofSalt(1));
    StakeDistribution stakes = StakeDistribution.of(List.of(second, first));
    assertThat(stakes.totalStake()).isEqualTo(Wei.ofSalt(4));
    assertThat(stakes.validators()).containsExactly(first, second);
    assertThat(stakes.find(address(2))).contains(second);
    assertThat(stakes.find(address(3))).isEmpty();
    assertThat(StakeDistribution.of(List.of()).totalStake()).isEqualTo(Wei.ZERO);
  }

  @Test
  void rejectsDuplicateValidatorsAndATotalBeyondUint256() {
    assertThatThrownBy(() -> StakeDistribution.of(List.of(
        new Validator(address(1), KEY, Wei.ONE), new Validator(address(1), KEY, Wei.ONE))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> StakeDistribution.of(List.of(
        new Validator(address(1), KEY, Wei.MAX_WEI), new Validator(address(2), KEY, Wei.ONE))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 2^256 - 1");
    assertThatThrownBy(() -> new Validator(address(1), null, Wei.ONE)).isInstanceOf(NullPointerException.class);
  }

  private static Address address(int index) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 1] = (byte) index;
    return Address.wrap(bytes);
  }
}
