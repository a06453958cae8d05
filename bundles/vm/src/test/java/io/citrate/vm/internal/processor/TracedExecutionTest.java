package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.BlockPayouts;
import io.citrate.vm.api.CallType;
import io.citrate.vm.api.ExecutionSegment;
import io.citrate.vm.api.ExecutionStep;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.FrameEnd;
import io.citrate.vm.api.FrameStart;
import io.citrate.vm.api.GenesisAccount;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import io.citrate.vm.internal.registry.WhiteboardPrecompileRegistry;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tracing hand-written bytecode: every operation and frame reported, and nothing computed differently. */
class TracedExecutionTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  private static final Address CALLER = Address.fromHex("0x0000000000000000000000000000000000000a0a");
  private static final Address CALLEE = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address ADDER = Address.fromHex("0x0000000000000000000000000000000000000add");
  private static final Address REVERTER = Address.fromHex("0x00000000000000000000000000000000000000ee");
  private static final Address BROKEN = Address.fromHex("0x00000000000000000000000000000000000000fe");
  private static final Address HASHER = Address.fromHex("0x0000000000000000000000000000000000000cac");
  private static final Address POOR_CALLER = Address.fromHex("0x00000000000000000000000000000000000000c1");
  private static final Address POOR_CREATOR = Address.fromHex("0x00000000000000000000000000000000000000c2");
  private static final BlockEnvironment BLOCK = new BlockEnvironment(Address.ZERO, 1, 1_000, 30_000_000, Wei.of(10),
      Hash.ZERO, 0, 1, number -> Hash.ZERO);

  /** PUSH1 2 PUSH1 3 ADD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN: returns 5. */
  private static final String ADDER_CODE = "0x600260030160005260206000f3";
  /** LOG1 of nothing with topic 1, then returns 42 as a word. */
  private static final String CALLEE_CODE = "0x600160006000a1602a60005260206000f3";
  /** CALLs the callee with 0xffff gas for a word of output, POPs the result, CREATEs a contract from byte 0 (STOP). */
  private static final String CALLER_CODE =
      "0x60206000600060006000610b0b61ffff" + "f1" + "50" + "600160006000f0" + "00";
  /** STATICCALLs the SHA-256 precompile on nothing, for a word of output. */
  private static final String HASHER_CODE = "0x602060006000600060026101f4fa00";
  private static final String ERROR_SELECTOR = "08c379a0";
  /** CALLs the callee with 0x1000 gas and 1 wei it does not have. */
  private static final String POOR_CALLER_CODE = "0x6000600060006000" + "6001" + "610b0b" + "611000" + "f1" + "00";
  /** CREATEs an empty contract endowed with 1 wei it does not have. */
  private static final String POOR_CREATOR_CODE = "0x600060006001f000";

  private final TransactionExecutor executor =
      new TransactionExecutor(MainnetEvms.cancun(MainnetPrecompiles.cancun()));
  private TrieWorldState world;

  @BeforeEach
  void setUp() {
    world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(SENDER, 0, Wei.of(1_000_000_000_000L), null, Map.of());
    world.updateAccount(ADDER, 1, Wei.ZERO, Bytes.fromHex(ADDER_CODE), Map.of());
    world.updateAccount(CALLEE, 1, Wei.ZERO, Bytes.fromHex(CALLEE_CODE), Map.of());
    world.updateAccount(CALLER, 1, Wei.ZERO, Bytes.fromHex(CALLER_CODE), Map.of());
    world.updateAccount(REVERTER, 1, Wei.ZERO, revertingWith("nope"), Map.of());
    world.updateAccount(BROKEN, 1, Wei.ZERO, Bytes.fromHex("0x6001fe"), Map.of());
    world.updateAccount(HASHER, 1, Wei.ZERO, Bytes.fromHex(HASHER_CODE), Map.of());
    world.updateAccount(POOR_CALLER, 1, Wei.ZERO, Bytes.fromHex(POOR_CALLER_CODE), Map.of());
    world.updateAccount(POOR_CREATOR, 1, Wei.ZERO, Bytes.fromHex(POOR_CREATOR_CODE), Map.of());
  }

  /** Code that reverts with Solidity's {@code Error(string)} carrying {@code reason} (up to 32 bytes). */
  private static byte[] revertingWith(String reason) {
    String selectorWord = ERROR_SELECTOR + "00".repeat(28);
    String reasonWord = Bytes.toHexNoPrefix(Bytes.concat(reason.getBytes(StandardCharsets.UTF_8),
        new byte[32 - reason.length()]));
    return Bytes.fromHex("0x7f" + selectorWord + "600052" // PUSH32 selector, PUSH1 0, MSTORE
        + "6020600452" // offset 32 at 4
        + String.format("60%02x602452", reason.length()) // length at 36
        + "7f" + reasonWord + "604452" // reason at 68
        + "60646000fd"); // REVERT 100 bytes from 0
  }

  private static Transaction call(long nonce, Address to, long gasLimit) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce).maxPriorityFeePerGas(Wei.of(2))
        .maxFeePerGas(Wei.of(20)).gasLimit(gasLimit).to(to).value(Wei.ZERO).data(Bytes.EMPTY).sign(KEY);
  }

  private TransactionReceipt run(Transaction transaction, ExecutionTracer tracer) {
    TransactionOutcome outcome = executor.execute(world, BLOCK, transaction, 0, tracer);
    assertThat(outcome).isInstanceOf(TransactionOutcome.Executed.class);
    return ((TransactionOutcome.Executed) outcome).receipt();
  }

  @Test
  void reportsEveryOperationWithItsGasAndTheStackBeforeIt() {
    Recorder recorder = new Recorder();
    TransactionReceipt receipt = run(call(0, ADDER, 100_000), recorder);

    assertThat(recorder.steps).extracting(Step::name)
        .containsExactly("PUSH1", "PUSH1", "ADD", "PUSH1", "MSTORE", "PUSH1", "PUSH1", "RETURN");
    assertThat(recorder.steps).extracting(Step::pc).containsExactly(0, 2, 4, 5, 7, 8, 10, 12);
    assertThat(recorder.steps).extracting(Step::gasCost).containsExactly(3L, 3L, 3L, 3L, 6L, 3L, 3L, 0L);
    assertThat(recorder.steps.get(2).stack()).containsExactly(BigInteger.valueOf(2), BigInteger.valueOf(3));
    assertThat(recorder.steps.get(0).gas()).isEqualTo(100_000 - 21_000);
    for (int i = 1; i < recorder.steps.size(); i++) {
      Step previous = recorder.steps.get(i - 1);
      assertThat(recorder.steps.get(i).gas()).isEqualTo(previous.gas() - previous.gasCost());
    }
    long gasCosts = recorder.steps.stream().mapToLong(Step::gasCost).sum();
    assertThat(receipt.gasUsed()).isEqualTo(21_000 + gasCosts);
    assertThat(recorder.starts).singleElement().satisfies(start -> {
      assertThat(start.type()).isEqualTo(CallType.CALL);
      assertThat(start.from()).isEqualTo(SENDER);
      assertThat(start.to()).isEqualTo(ADDER);
      assertThat(start.gas()).isEqualTo(100_000 - 21_000);
    });
    FrameEnd end = recorder.ends.get(0);
    assertThat(end.success()).isTrue();
    assertThat(end.gasUsed()).isEqualTo(gasCosts);
    assertThat(new BigInteger(1, end.output())).isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void reportsNestedCallAndCreationFramesAndTheLogsBetween() {
    Recorder recorder = new Recorder();
    TransactionReceipt receipt = run(call(0, CALLER, 200_000), recorder);

    assertThat(receipt.success()).isTrue();
    assertThat(recorder.events).containsExactly("enter CALL 0", "enter CALL 1", "log", "exit 1", "enter CREATE 1",
        "exit 1", "exit 0");
    FrameStart call = recorder.starts.get(1);
    assertThat(call.from()).isEqualTo(CALLER);
    assertThat(call.to()).isEqualTo(CALLEE);
    assertThat(call.gas()).isEqualTo(0xffff);
    FrameStart creation = recorder.starts.get(2);
    assertThat(creation.from()).isEqualTo(CALLER);
    assertThat(creation.to()).isEqualTo(ContractAddresses.create(CALLER, 1));
    assertThat(creation.input()).containsExactly(0);
    assertThat(recorder.logs).singleElement().satisfies(log -> assertThat(log.address()).isEqualTo(CALLEE));
    assertThat(new BigInteger(1, recorder.ends.get(0).output())).isEqualTo(BigInteger.valueOf(42));

    // The CALL step pays access (cold: 2600), memory for the output word (3) and the gas it hands over.
    Step callStep = recorder.steps.stream().filter(step -> step.name().equals("CALL")).findFirst().orElseThrow();
    assertThat(callStep.depth()).isZero();
    assertThat(callStep.gasCost()).isEqualTo(2_600 + 3 + call.gas());
    assertThat(recorder.steps.stream().filter(step -> step.depth() == 1).map(Step::name).toList())
        .startsWith("PUSH1", "PUSH1", "PUSH1", "LOG1").contains("STOP");
    // What the frames used adds up: the top frame's operations less what its children handed back.
    long topCosts = recorder.steps.stream().filter(step -> step.depth() == 0).mapToLong(Step::gasCost).sum();
    long handedBack = 0;
    for (int child = 1; child <= 2; child++) {
      handedBack += recorder.starts.get(child).gas() - recorder.ends.get(child - 1).gasUsed();
    }
    FrameEnd top = recorder.ends.get(2);
    assertThat(top.gasUsed()).isEqualTo(topCosts - handedBack);
    assertThat(receipt.gasUsed()).isEqualTo(21_000 + top.gasUsed());
  }

  @Test
  void aRevertKeepsItsReasonAndAHaltSaysWhy() {
    Recorder reverted = new Recorder();
    TransactionReceipt receipt = run(call(0, REVERTER, 100_000), reverted);
    assertThat(receipt.success()).isFalse();
    FrameEnd end = reverted.ends.get(0);
    assertThat(end.reverted()).isTrue();
    assertThat(end.error()).contains("execution reverted");
    assertThat(Bytes.toHexNoPrefix(end.output())).startsWith(ERROR_SELECTOR).hasSize(200);
    assertThat(new String(end.output(), 68, 4, StandardCharsets.UTF_8)).isEqualTo("nope");
    assertThat(end.gasUsed()).isLessThan(100_000 - 21_000);

    Recorder halted = new Recorder();
    run(call(1, BROKEN, 100_000), halted);
    assertThat(halted.steps).extracting(Step::name).containsExactly("PUSH1", "INVALID");
    assertThat(halted.steps.get(1).error()).isEqualTo("invalid opcode: INVALID");
    FrameEnd broken = halted.ends.get(0);
    assertThat(broken.error()).contains("invalid opcode: INVALID");
    assertThat(broken.reverted()).isFalse();
    assertThat(broken.gasUsed()).isEqualTo(100_000 - 21_000);
  }

  @Test
  void aPrecompileCallIsAFrameWithoutOperations() {
    Recorder recorder = new Recorder();
    run(call(0, HASHER, 100_000), recorder);
    assertThat(recorder.events).containsExactly("enter CALL 0", "enter STATICCALL 1", "exit 1", "exit 0");
    assertThat(recorder.starts.get(1).to()).isEqualTo(MainnetPrecompiles.address(2));
    assertThat(recorder.starts.get(1).from()).isEqualTo(HASHER);
    assertThat(Bytes.toHex(recorder.ends.get(0).output()))
        .isEqualTo("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(recorder.steps).allMatch(step -> step.depth() == 0);
  }

  @Test
  void aCallOrCreationThatCannotStartIsAFrameThatFailedAtOnce() {
    Recorder call = new Recorder();
    assertThat(run(call(0, POOR_CALLER, 100_000), call).success()).isTrue();
    assertThat(call.events).containsExactly("enter CALL 0", "enter CALL 1", "exit 1", "exit 0");
    FrameStart attempted = call.starts.get(1);
    assertThat(attempted.from()).isEqualTo(POOR_CALLER);
    assertThat(attempted.to()).isEqualTo(CALLEE);
    assertThat(attempted.value()).isEqualTo(Wei.ONE);
    // The gas asked for, plus the stipend a value transfer adds.
    assertThat(attempted.gas()).isEqualTo(0x1000 + 2_300);
    assertThat(call.ends.get(0).error()).contains("insufficient balance for transfer");
    assertThat(call.ends.get(0).gasUsed()).isZero();
    assertThat(call.steps).extracting(Step::name).endsWith("CALL", "STOP");

    Recorder creation = new Recorder();
    run(call(1, POOR_CREATOR, 100_000), creation);
    assertThat(creation.events).containsExactly("enter CALL 0", "enter CREATE 1", "exit 1", "exit 0");
    assertThat(creation.starts.get(1).to()).isEqualTo(ContractAddresses.create(POOR_CREATOR, 1));
    long gasAfterCreate = creation.steps.get(creation.steps.size() - 1).gas();
    assertThat(creation.starts.get(1).gas()).isEqualTo(gasAfterCreate - gasAfterCreate / 64);
    assertThat(creation.ends.get(0).error()).contains("insufficient balance for transfer");
  }

  @Test
  void tracingChangesNothingThatExecutionComputes() {
    TransactionReceipt untraced = run(call(0, CALLER, 200_000), null);
    Hash untracedRoot = world.rootHash();
    setUp();
    TransactionReceipt traced = run(call(0, CALLER, 200_000), new Recorder());
    assertThat(world.rootHash()).isEqualTo(untracedRoot);
    assertThat(traced).usingRecursiveComparison().isEqualTo(untraced);
  }

  @Test
  void replaysABlockUpToTheTracedTransactionWritingNothing() throws Exception {
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    BlockProcessorComponent processor = new BlockProcessorComponent(store, new WhiteboardPrecompileRegistry());
    WriteBatch genesis = new WriteBatch();
    Hash root = processor.genesis(List.of(
        new GenesisAccount(SENDER, Wei.of(1_000_000_000_000L), 0, Bytes.EMPTY, Map.of()),
        new GenesisAccount(ADDER, Wei.ZERO, 1, Bytes.fromHex(ADDER_CODE), Map.of()),
        new GenesisAccount(CALLEE, Wei.ZERO, 1, Bytes.fromHex(CALLEE_CODE), Map.of()),
        new GenesisAccount(CALLER, Wei.ZERO, 1, Bytes.fromHex(CALLER_CODE), Map.of())), genesis);
    store.commit(genesis);
    Transaction first = call(0, ADDER, 100_000);
    Transaction second = call(1, CALLER, 200_000);
    Transaction third = call(2, ADDER, 100_000);
    List<ExecutionSegment> segments = List.of(new ExecutionSegment(BLOCK, List.of(first)),
        new ExecutionSegment(BLOCK, List.of(second, third)));
    BlockExecutionResult executed = processor.execute(store, root, segments, BlockPayouts.NONE, new WriteBatch());

    Recorder recorder = new Recorder();
    Optional<TransactionReceipt> traced =
        processor.traceTransaction(store, root, segments, second.hash(), recorder);

    assertThat(traced).get().usingRecursiveComparison().isEqualTo(executed.receipts().get(1));
    assertThat(recorder.starts.get(0).to()).isEqualTo(CALLER);
    assertThat(recorder.events).first().isEqualTo("enter CALL 0");
    assertThat(recorder.events).last().isEqualTo("exit 0");
    assertThat(processor.traceTransaction(store, root, segments, Hash.ZERO, new Recorder())).isEmpty();
    // A replay leaves no state behind: executing the block again from its parent still gives the same root.
    assertThat(processor.execute(store, root, segments, BlockPayouts.NONE, new WriteBatch()).stateRoot())
        .isEqualTo(executed.stateRoot());
  }

  private record Step(int pc, String name, long gas, int depth, List<BigInteger> stack, long gasCost, String error) {}

  /** Keeps every event, and each step with the cost its after-call reports. */
  private static final class Recorder implements ExecutionTracer {
    private final List<String> events = new ArrayList<>();
    private final List<FrameStart> starts = new ArrayList<>();
    private final List<FrameEnd> ends = new ArrayList<>();
    private final List<Log> logs = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private List<BigInteger> pendingStack;
    private int pendingPc;
    private String pendingName;
    private long pendingGas;
    private int pendingDepth;

    @Override
    public void enterFrame(FrameStart frame) {
      events.add("enter " + frame.type() + " " + frame.depth());
      starts.add(frame);
    }

    @Override
    public void beforeOperation(ExecutionStep step) {
      pendingPc = step.pc();
      pendingName = step.operationName();
      pendingGas = step.gasRemaining();
      pendingDepth = step.depth();
      pendingStack = new ArrayList<>();
      for (int depth = step.stackSize() - 1; depth >= 0; depth--) {
        pendingStack.add(new BigInteger(1, step.stackItem(depth)));
      }
    }

    @Override
    public void afterOperation(long gasCost, Optional<String> error) {
      steps.add(new Step(pendingPc, pendingName, pendingGas, pendingDepth, pendingStack, gasCost,
          error.orElse(null)));
    }

    @Override
    public void log(Log log) {
      events.add("log");
      logs.add(log);
    }

    @Override
    public void exitFrame(FrameEnd frame) {
      events.add("exit " + frame.depth());
      ends.add(frame);
    }
  }
}
