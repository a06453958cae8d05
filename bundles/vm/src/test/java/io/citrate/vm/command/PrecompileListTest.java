package io.citrate.vm.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecompileListTest {
  private static final Address MODEL = Address.fromHex("0x0000000000000000000000000000000000001000");
  private static final Address TENSOR = Address.fromHex("0x0000000000000000000000000000000000001003");
  private static final PrecompileActivation MODEL_1 = new PrecompileActivation(MODEL, "model/1", 10);
  private static final PrecompileActivation MODEL_2 = new PrecompileActivation(MODEL, "model/2", 20);
  private static final PrecompileActivation TENSOR_1 = new PrecompileActivation(TENSOR, "tensor/1", 30);

  /** A registry whose schedule holds the three activations, with model/1 once, model/2 twice and tensor/1 never. */
  private static final PrecompileRegistry REGISTRY = new PrecompileRegistry() {
    @Override
    public Map<Address, Precompile> precompilesAt(long blockNumber) {
      throw new UnsupportedOperationException("the command only lists");
    }

    @Override
    public List<PrecompileActivation> scheduleAt(long blockNumber) {
      return List.of(MODEL_1, MODEL_2, TENSOR_1);
    }

    @Override
    public int registrations(PrecompileActivation activation) {
      return activation.equals(MODEL_1) ? 1 : activation.equals(MODEL_2) ? 2 : 0;
    }
  };

  private static List<String> rows(Long block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrecompileList.print(REGISTRY, block, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static String row(List<String> rows, String implementation) {
    return rows.stream().filter(line -> line.contains(implementation)).findFirst().orElseThrow();
  }

  @Test
  void listsEachActivationWithItsRegistrationsAndItsStateAtTheBlock() {
    List<String> rows = rows(25L);

    assertThat(rows.get(0)).isEqualTo("Precompiles scheduled as of block 25");
    assertThat(row(rows, "model/1")).contains(MODEL.toString()).contains(" 10 ").contains(PrecompileList.YES)
        .contains(PrecompileList.SUPERSEDED);
    assertThat(row(rows, "model/2")).contains(" 20 ").contains("2 times").contains(PrecompileList.IN_FORCE);
    assertThat(row(rows, "tensor/1")).contains(TENSOR.toString()).contains(" 30 ").contains(PrecompileList.NO)
        .contains(PrecompileList.PENDING);
  }

  @Test
  void withoutABlockTheScheduleAsItStandsIsListed() {
    List<String> rows = rows(null);

    assertThat(rows.get(0)).isEqualTo("Precompiles as scheduled now");
    assertThat(row(rows, "model/1")).contains(PrecompileList.SUPERSEDED);
    assertThat(row(rows, "model/2")).contains(PrecompileList.IN_FORCE);
    assertThat(row(rows, "tensor/1")).contains(PrecompileList.IN_FORCE);
  }

  @Test
  void aNegativeBlockIsRefused() {
    assertThatThrownBy(() -> rows(-1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block number is negative: -1");
  }
}
