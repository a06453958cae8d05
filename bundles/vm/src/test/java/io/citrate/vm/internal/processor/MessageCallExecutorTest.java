package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageCallExecutorTest {
  private static final Address RICH = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address POOR = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address COUNTER = Address.fromHex("0x0000000000000000000000000000000000000c0c");
  private static final Address REVERTER = Address.fromHex("0x0000000000000000000000000000000000000dd0");
  private static final Address PROBE = Address.fromHex("0x0000000000000000000000000000000000000e0e");
  private static final Address OTHER = Address.fromHex("0x0000000000000000000000000000000000000f0f");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000cb");
  private static final Wei BASE_FEE = Wei.of(10);
  private static final BlockEnvironment BLOCK = new BlockEnvironment(COINBASE, 5, 1_000, 30_000_000, BASE_FEE,
      Hash.ZERO, 0, 1, number -> Hash.ZERO);
  /** Adds one to slot 0 and returns the new value: PUSH1 1 PUSH1 0 SLOAD ADD DUP1 PUSH1 0 SSTORE, return it. */
  private static final byte[] COUNTER_CODE = Bytes.fromHex("0x600160005401806000556000526020" + "6000f3");
  /** Reverts with Error("zero"). */
  private static final byte[] REVERTER_CODE = Bytes.fromHex("0x"
      + "7f08c379a000000000000000000000000000000000000000000000000000000000" + "600052"
      + "6020600452" + "6004602452"
      + "7f7a65726f00000000000000000000000000000000000000000000000000000000" + "604452"
      + "60646000fd");
  /** SLOAD slot 1, BALANCE of OTHER, LOG0, then REVERT with nothing. */
  private static final byte[] PROBE_CODE = Bytes.fromHex("0x600154" + "73" + "0000000000000000000000000000000000000f0f"
      + "31" + "60006000a0" + "60006000fd");

  private final MessageCallExecutor executor =
      new MessageCallExecutor(MainnetEvms.cancun(MainnetPrecompiles.cancun()));
  private TrieWorldState world;

  @BeforeEach
  void setUp() {
    world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(RICH, 3, Wei.of(1_000_000_000L), null, Map.of());
    world.updateAccount(COUNTER, 1, Wei.ZERO, COUNTER_CODE, Map.of(Word.of(0), Word.of(41)));
    world.updateAccount(REVERTER, 1, Wei.ZERO, REVERTER_CODE, Map.of());
    world.updateAccount(PROBE, 1, Wei.ZERO, PROBE_CODE, Map.of());
  }

  private CallResult call(CallMessage message) {
    return executor.call(world, BLOCK, message);
  }

  private static CallMessage to(Address from, Address to, long gas) {
    return CallMessage.of(from, Optional.of(to), gas, Bytes.EMPTY);
  }

  @Test
  void runsWithoutChangingTheWorldAndWithoutFundsWhenUnpriced() {
    Hash root = world.rootHash();
    CallResult result = call(to(POOR, COUNTER, 100_000));
    assertThat(result.status()).isEqualTo(CallStatus.SUCCESS);
    assertThat(result.output()).isEqualTo(Word.of(42).toBytes32());
    // 21000 + PUSH1 PUSH1 SLOAD(cold) ADD DUP1 PUSH1 SSTORE(warm, reset) PUSH1 MSTORE(+3 memory) PUSH1 PUSH1 RETURN
    assertThat(result.gasUsed()).isEqualTo(21_000 + 3 + 3 + 2_100 + 3 + 3 + 3 + 2_900 + 3 + 6 + 3 + 3);
    assertThat(result.failure()).isEmpty();
    assertThat(world.rootHash()).isEqualTo(root);
    assertThat(world.storage(COUNTER, Word.of(0))).isEqualTo(Word.of(41));
    assertThat(world.account(POOR)).isEmpty();
  }

  @Test
  void aRevertKeepsItsDataAndReason() {
    CallResult result = call(to(RICH, REVERTER, 100_000));
    assertThat(result.status()).isEqualTo(CallStatus.REVERTED);
    assertThat(result.failure()).isEqualTo("execution reverted");
    assertThat(Bytes.toHex(result.output())).startsWith("0x08c379a0").hasSize(2 + 2 * 100);
    assertThat(result.gasUsed()).isBetween(21_000L, 100_000L);
  }

  @Test
  void haltsAndRunningOutOfGasAreTold() {
    world.updateAccount(OTHER, 0, Wei.ZERO, Bytes.fromHex("0xfe"), Map.of());
    CallResult invalid = call(to(RICH, OTHER, 50_000));
    assertThat(invalid.status()).isEqualTo(CallStatus.HALTED);
    assertThat(invalid.failure()).isEqualTo("invalid opcode");
    assertThat(invalid.gasUsed()).isEqualTo(50_000);

    world.updateAccount(OTHER, 0, Wei.ZERO, Bytes.fromHex("0x5b600056"), Map.of());
    CallResult loop = call(to(RICH, OTHER, 50_000));
    assertThat(loop.status()).isEqualTo(CallStatus.OUT_OF_GAS);
    assertThat(loop.status().needsMoreGas()).isTrue();

    CallResult tooLittle = call(to(RICH, COUNTER, 20_999));
    assertThat(tooLittle.status()).isEqualTo(CallStatus.INTRINSIC_GAS_TOO_LOW);
    assertThat(tooLittle.failure()).isEqualTo("intrinsic gas too low: have 20999, want 21000");
  }

  @Test
  void priceAndValueNeedFundsAndAFeeCapAboveTheBaseFee() {
    CallMessage valued = new CallMessage(POOR, Optional.of(COUNTER), 100_000, Optional.empty(), Optional.empty(),
        Optional.empty(), Wei.ONE, Bytes.EMPTY, List.of());
    CallResult noFunds = call(valued);
    assertThat(noFunds.status()).isEqualTo(CallStatus.REJECTED);
    assertThat(noFunds.failure()).startsWith("insufficient funds for gas * price + value");

    CallMessage underpriced = new CallMessage(RICH, Optional.of(COUNTER), 100_000, Optional.of(Wei.of(9)),
        Optional.empty(), Optional.empty(), Wei.ZERO, Bytes.EMPTY, List.of());
    assertThat(call(underpriced).failure()).startsWith("max fee per gas less than block base fee");

    CallMessage both = new CallMessage(RICH, Optional.of(COUNTER), 100_000, Optional.of(Wei.of(20)),
        Optional.of(Wei.of(20)), Optional.empty(), Wei.ZERO, Bytes.EMPTY, List.of());
    assertThat(call(both).failure()).isEqualTo("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");

    CallMessage priced = new CallMessage(RICH, Optional.of(COUNTER), 100_000, Optional.empty(),
        Optional.of(Wei.of(20)), Optional.of(Wei.of(2)), Wei.ZERO, Bytes.EMPTY, List.of());
    assertThat(call(priced).status()).isEqualTo(CallStatus.SUCCESS);
  }

  @Test
  void anUnpricedCallSeesAZeroBaseFee() {
    // BASEFEE PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    world.updateAccount(OTHER, 0, Wei.ZERO, Bytes.fromHex("0x4860005260206000f3"), Map.of());
    assertThat(call(to(POOR, OTHER, 50_000)).output()).isEqualTo(Word.ZERO.toBytes32());
    CallMessage priced = new CallMessage(RICH, Optional.of(OTHER), 50_000, Optional.of(Wei.of(12)), Optional.empty(),
        Optional.empty(), Wei.ZERO, Bytes.EMPTY, List.of());
    assertThat(call(priced).output()).isEqualTo(Word.of(10).toBytes32());
  }

  @Test
  void recordsAccessesEvenWhenTheFrameRevertsButNotTheCallersOwn() {
    CallResult result = call(to(RICH, PROBE, 100_000));
    assertThat(result.status()).isEqualTo(CallStatus.REVERTED);
    assertThat(result.logs()).isEmpty();
    assertThat(result.accessed()).containsExactly(
        new AccessListEntry(PROBE, List.of(Hash.wrap(Word.of(1).toBytes32()))),
        new AccessListEntry(OTHER, List.of()));
  }

  @Test
  void anAccessListWarmsWhatItNames() {
    CallResult cold = call(to(RICH, PROBE, 100_000));
    CallResult warm = call(to(RICH, PROBE, 100_000).withAccessList(cold.accessed()));
    // Each entry costs 2400 (+1900 per slot) up front and saves 2500 (2000 per slot) on first access; the
    // recipient is warm anyway, so its entry only pays off for its slots, as with geth's lists.
    assertThat(warm.gasUsed()).isEqualTo(cold.gasUsed() + 2_400 + 1_900 - 2_000 + 2_400 - 2_500);
    assertThat(warm.accessed()).isEqualTo(cold.accessed());
  }

  @Test
  void theGivenListIsExtendedButTheCallersOwnAccountsAloneAreLeftOut() {
    Hash slot9 = Hash.wrap(Word.of(9).toBytes32());
    CallMessage message = to(RICH, COUNTER, 100_000).withAccessList(List.of(new AccessListEntry(RICH, List.of()),
        new AccessListEntry(OTHER, List.of()), new AccessListEntry(COUNTER, List.of(slot9))));
    assertThat(call(message).accessed()).containsExactly(new AccessListEntry(OTHER, List.of()),
        new AccessListEntry(COUNTER, List.of(slot9, Hash.ZERO)));
  }

  @Test
  void logsComeWithASuccess() {
    // PUSH1 0 PUSH1 0 LOG0
    world.updateAccount(OTHER, 0, Wei.ZERO, Bytes.fromHex("0x60006000a0"), Map.of());
    CallResult result = call(to(RICH, OTHER, 50_000));
    assertThat(result.logs()).hasSize(1);
    assertThat(result.logs().get(0).address()).isEqualTo(OTHER);
  }

  @Test
  void createsFromTheSendersStateNonceAndAnswersTheRuntimeCode() {
    byte[] runtime = Bytes.fromHex("0x60016000f3");
    // PUSH1 len DUP1 PUSH1 11 PUSH1 0 CODECOPY PUSH1 0 RETURN, then the runtime
    byte[] initcode = Bytes.concat(Bytes.fromHex("0x600580600b6000396000f3"), runtime);
    CallResult result = call(CallMessage.of(RICH, Optional.empty(), 200_000, initcode));
    assertThat(result.status()).isEqualTo(CallStatus.SUCCESS);
    assertThat(result.output()).isEqualTo(runtime);
    assertThat(world.account(ContractAddresses.create(RICH, 3))).isEmpty();
    assertThat(result.accessed()).isEmpty();
  }
}
