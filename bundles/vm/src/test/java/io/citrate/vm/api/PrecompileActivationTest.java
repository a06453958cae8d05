package io.citrate.vm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrecompileActivationTest {

  @ParameterizedTest
  @ValueSource(strings = {"01", "05", "0a"})
  void ethereumsPrecompilesCannotBeReplaced(String last) {
    Address ethereum = Address.fromHex("0x" + "00".repeat(19) + last);

    assertThatThrownBy(() -> new PrecompileActivation(ethereum, "acme-hash/1", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be replaced");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x000000000000000000000000000000000000000b", "0x0000000000000000000000000000000000001000",
      "0x010000000000000000000000000000000000000a"})
  void otherAddressesCanBeActivated(String address) {
    PrecompileActivation activation = new PrecompileActivation(Address.fromHex(address), "acme-hash/1", 12);

    assertThat(activation.activationHeight()).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void theImplementationIdIsNotBlank(String implementation) {
    Address address = Address.fromHex("0x0000000000000000000000000000000000001000");

    assertThatThrownBy(() -> new PrecompileActivation(address, implementation, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHeightIsNotNegative() {
    Address address = Address.fromHex("0x0000000000000000000000000000000000001000");

    assertThatThrownBy(() -> new PrecompileActivation(address, "acme-hash/1", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
