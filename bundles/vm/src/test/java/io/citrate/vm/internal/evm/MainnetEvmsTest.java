package io.citrate.vm.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.tx.TransactionType;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.gas.LondonGasCalculator;
import io.citrate.vm.internal.gas.ShanghaiGasCalculator;
import io.citrate.vm.internal.operation.InvalidOperation;
import io.citrate.vm.internal.operation.Operation;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Each fork's table is the previous one's plus what its EIPs add or replace. */
class MainnetEvmsTest {
  private static Operation[] table(BerlinGasCalculator gas, BiConsumer<Operation[], BerlinGasCalculator> forks) {
    Operation[] table = new Operation[256];
    for (int opcode = 0; opcode < 256; opcode++) {
      table[opcode] = new InvalidOperation(opcode, gas);
    }
    forks.accept(table, gas);
    return table;
  }

  private static String name(Operation[] table, int opcode) {
    return table[opcode].name();
  }

  @Test
  void eachForkAddsOrReplacesOnlyItsOwnInstructions() {
    Operation[] berlin = table(new BerlinGasCalculator(), MainnetEvms::registerBerlinOperations);
    Operation[] london = table(new LondonGasCalculator(), MainnetEvms::registerLondonOperations);
    Operation[] paris = table(new LondonGasCalculator(), MainnetEvms::registerParisOperations);
    Operation[] shanghai = table(new ShanghaiGasCalculator(), MainnetEvms::registerShanghaiOperations);
    Operation[] cancun = table(new CancunGasCalculator(), MainnetEvms::registerCancunOperations);

    assertThat(name(berlin, 0x44)).isEqualTo("DIFFICULTY");
    assertThat(name(berlin, 0x48)).startsWith("UNDEFINED");
    assertThat(name(london, 0x48)).isEqualTo("BASEFEE");
    assertThat(name(london, 0x44)).isEqualTo("DIFFICULTY");
    assertThat(name(paris, 0x44)).isEqualTo("PREVRANDAO");
    assertThat(name(paris, 0x5f)).startsWith("UNDEFINED");
    assertThat(name(shanghai, 0x5f)).isEqualTo("PUSH0");
    for (int opcode : new int[] {0x49, 0x4a, 0x5c, 0x5d, 0x5e}) {
      assertThat(name(shanghai, opcode)).startsWith("UNDEFINED");
    }
    assertThat(name(cancun, 0x49)).isEqualTo("BLOBHASH");
    assertThat(name(cancun, 0x4a)).isEqualTo("BLOBBASEFEE");
    assertThat(name(cancun, 0x5c)).isEqualTo("TLOAD");
    assertThat(name(cancun, 0x5d)).isEqualTo("TSTORE");
    assertThat(name(cancun, 0x5e)).isEqualTo("MCOPY");
    int changedFromShanghai = 0;
    for (int opcode = 0; opcode < 256; opcode++) {
      if (!name(shanghai, opcode).equals(name(cancun, opcode)) || shanghai[opcode].getClass() != cancun[opcode].getClass()) {
        changedFromShanghai++;
      }
    }
    assertThat(changedFromShanghai).isEqualTo(5);
  }

  @Test
  void forFork_buildsTheForkWithItsRules() {
    for (EvmSpecVersion fork : EvmSpecVersion.values()) {
      Evm evm = MainnetEvms.forFork(fork, Map.of());
      assertThat(evm.version()).isEqualTo(fork);
      assertThat(evm.rules().transactionTypes().contains(TransactionType.EIP1559))
          .as(fork.name()).isEqualTo(fork != EvmSpecVersion.BERLIN);
      assertThat(evm.rules().transactionTypes().contains(TransactionType.BLOB))
          .as(fork.name()).isEqualTo(fork == EvmSpecVersion.CANCUN);
      assertThat(evm.rules().warmCoinbase()).as(fork.name()).isEqualTo(fork.compareTo(EvmSpecVersion.SHANGHAI) >= 0);
      assertThat(evm.rules().rejectsEofPrefix()).as(fork.name()).isEqualTo(fork != EvmSpecVersion.BERLIN);
    }
  }
}
