package io.citrate.vm.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bytecode run through the interpreter and frame life cycle, checked on the result, the halt reason and gas. */
class EvmTest {
  private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000ca11e");
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final Address OTHER = Address.fromHex("0x0000000000000000000000000000000000000bbb");
  private static final BlockEnvironment BLOCK = new BlockEnvironment(Address.ZERO, 1, 1, 30_000_000, Wei.ZERO,
      Hash.ZERO, 0, 1, number -> Hash.ZERO);

  private final Evm evm = MainnetEvms.cancun(Map.of());
  private final TrieWorldState world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));

  private MessageFrame run(String code, long gas) {
    world.updateAccount(CONTRACT, 1, Wei.ZERO, Bytes.fromHex(code), Map.of());
    JournaledState state = new JournaledState(world);
    TransactionContext context = new TransactionContext(CALLER, Wei.ONE, List.of(), BLOCK, state);
    MessageFrame frame = MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, context)
        .recipient(CONTRACT).sender(CALLER).codeAddress(CONTRACT).value(Wei.ZERO, true)
        .code(state.code(CONTRACT)).gas(gas).build();
    evm.execute(frame);
    return frame;
  }

  /** Runs code that leaves one word in memory at 0 and returns it. */
  private BigInteger returned(String code) {
    MessageFrame frame = run(code + "60005260206000f3", 100_000);
    assertThat(frame.state()).isEqualTo(MessageFrame.State.COMPLETED_SUCCESS);
    return new BigInteger(1, frame.output());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "PUSH1 2 PUSH1 3 ADD, 6002600301, 5",
      "PUSH1 3 PUSH1 10 SUB, 6003600a03, 7",
      "PUSH1 0 PUSH1 7 DIV, 6000600704, 0",
      "PUSH1 0xff PUSH1 0 SIGNEXTEND, 60ff60000b, 115792089237316195423570985008687907853269984665640564039457584007913129639935",
      "PUSH1 1 PUSH1 255 SHL, 600160ff1b, 57896044618658097711785492504343953926634992332820282019728792003956564819968",
      "PUSH2 0x1234 PUSH1 30 BYTE, 611234601e1a, 18",
      "PUSH0 ISZERO, 5f15, 1",
      "PC PC ADD, 585801, 1",
  })
  void computes(String program, String code, String expected) {
    assertThat(returned(code)).isEqualTo(new BigInteger(expected));
  }

  @Test
  void pushDataPastTheEndOfTheCodeReadsAsZeros() {
    MessageFrame frame = run("61ff", 100);
    assertThat(frame.state()).isEqualTo(MessageFrame.State.COMPLETED_SUCCESS);
    assertThat(Words.toBigInteger(frame.stack().limbs(), frame.stack().index(0))).isEqualTo(BigInteger.valueOf(0xff00));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ADD on an empty stack, 01, INSUFFICIENT_STACK_ITEMS",
      "JUMP into PUSH data, 600456605b, INVALID_JUMP_DESTINATION",
      "INVALID, fe, INVALID_OPERATION",
      "undefined opcode 0x0c, 0c, INVALID_OPERATION",
      "RETURNDATACOPY past the end, 6001600060003e, INVALID_RETURN_DATA_BUFFER_ACCESS",
      "MSTORE at a huge offset, 600163ffffffff52, INSUFFICIENT_GAS",
  })
  void halts(String program, String code, DefaultExceptionalHaltReason reason) {
    MessageFrame frame = run(code, 100_000);
    assertThat(frame.state()).isEqualTo(MessageFrame.State.COMPLETED_FAILED);
    assertThat(frame.haltReason()).isEqualTo(reason);
    assertThat(frame.gasRemaining()).isZero();
  }

  @Test
  void theStackHoldsAtMost1024Items() {
    assertThat(run("5b5f600056", 1_000_000).haltReason()).isEqualTo(DefaultExceptionalHaltReason.TOO_MANY_STACK_ITEMS);
  }

  @Test
  void aStaticCallCannotWriteStorage() {
    // OTHER: PUSH1 1 PUSH1 0 SSTORE. CONTRACT: STATICCALL(gas, OTHER, 0, 0, 0, 0), store the result at slot 1.
    world.updateAccount(OTHER, 1, Wei.ZERO, Bytes.fromHex("0x6001600055"), Map.of());
    MessageFrame frame = run("600060006000600061" + "0bbb" + "61fffffa" + "60015500", 200_000);
    assertThat(frame.state()).isEqualTo(MessageFrame.State.COMPLETED_SUCCESS);
    assertThat(frame.worldState().storage(CONTRACT, Word.of(1))).isEqualTo(Word.ZERO);
    assertThat(frame.worldState().storage(OTHER, Word.of(0))).isEqualTo(Word.ZERO);
  }

  @Test
  void aCallPassesAllButOneSixtyFourthAndGetsTheRestBack() {
    // OTHER: GAS PUSH1 0 SSTORE (records the gas it received minus 2). CONTRACT: CALL with all gas.
    world.updateAccount(OTHER, 1, Wei.ZERO, Bytes.fromHex("0x5a60005500"), Map.of());
    long gas = 100_000;
    MessageFrame frame = run("60006000600060006000610bbb5af100", gas);
    assertThat(frame.state()).isEqualTo(MessageFrame.State.COMPLETED_SUCCESS);
    // Before the CALL: 6 pushes (18) and GAS (2); the CALL itself costs 2600 for the cold account.
    long available = gas - 20 - 2_600;
    long passed = available - available / 64;
    assertThat(frame.worldState().storage(OTHER, Word.of(0))).isEqualTo(Word.of(passed - 2));
  }
}
