package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.internal.evm.EvmSpecVersion;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MainnetPrecompilesTest {
  @Test
  void cancunHasTheTenStandardPrecompilesInAddressOrder() {
    Map<Address, Precompile> cancun = MainnetPrecompiles.cancun();

    assertThat(cancun.keySet()).containsExactly(
        Address.fromHex("0x0000000000000000000000000000000000000001"),
        Address.fromHex("0x0000000000000000000000000000000000000002"),
        Address.fromHex("0x0000000000000000000000000000000000000003"),
        Address.fromHex("0x0000000000000000000000000000000000000004"),
        Address.fromHex("0x0000000000000000000000000000000000000005"),
        Address.fromHex("0x0000000000000000000000000000000000000006"),
        Address.fromHex("0x0000000000000000000000000000000000000007"),
        Address.fromHex("0x0000000000000000000000000000000000000008"),
        Address.fromHex("0x0000000000000000000000000000000000000009"),
        Address.fromHex("0x000000000000000000000000000000000000000a"));
    assertThat(cancun.get(MainnetPrecompiles.address(0x05))).isInstanceOf(ModExpPrecompile.class);
    assertThat(cancun.get(MainnetPrecompiles.address(0x0a))).isInstanceOf(PointEvaluationPrecompile.class);
  }

  @Test
  void berlinToShanghaiHaveTheFirstNineAndCancunAddsPointEvaluation() {
    for (EvmSpecVersion fork : EvmSpecVersion.values()) {
      Map<Address, Precompile> precompiles = MainnetPrecompiles.forFork(fork);
      boolean cancun = fork == EvmSpecVersion.CANCUN;
      assertThat(precompiles).as(fork.name()).hasSize(cancun ? 10 : 9);
      assertThat(precompiles.keySet()).as(fork.name()).startsWith(MainnetPrecompiles.address(0x01));
      assertThat(precompiles.containsKey(MainnetPrecompiles.address(0x0a))).as(fork.name()).isEqualTo(cancun);
    }
  }

  @Property(tries = 300)
  void anyInputGivesAResultRatherThanAnException(
      @ForAll @IntRange(min = 1, max = 10) int number, @ForAll @Size(max = 400) byte[] input) {
    Precompile precompile = MainnetPrecompiles.cancun().get(MainnetPrecompiles.address(number));

    assertThat(precompile.gasRequirement(input)).isNotNegative();
    assertThat(precompile.execute(input, Contexts.ANY)).isNotNull();
  }

  @Test
  void everyPrecompileTurnsEmptyInputIntoAResultRatherThanAnException() {
    MainnetPrecompiles.cancun().forEach((address, precompile) -> {
      assertThat(precompile.gasRequirement(new byte[0])).as(address.toHex()).isNotNegative();
      assertThat(precompile.execute(new byte[0], Contexts.ANY)).as(address.toHex()).isNotNull();
    });
  }
}
