package io.citrate.vm.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.processor.TransactionExecutor;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/**
 * A contract calls a registered precompile as Solidity does, through CALL, in blocks run by the interpreter with
 * the registry's precompiles for that block.
 */
class ScheduledPrecompileCallTest {
  private static final PrivateKey KEY = PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final Address ANSWER = Address.fromHex("0x0000000000000000000000000000000000001005");
  private static final long ACTIVATION = 100;
  private static final byte FAIL = (byte) 0xff;
  /**
   * Copies its call data to memory, CALLs {@link #ANSWER} with it and 50,000 gas, keeping 32 bytes of return data
   * at memory 0; stores CALL's success flag in slot 0 and memory word 0 in slot 1. The gas is capped so that the
   * caller can still store after a halt, which consumes all the gas the call was given.
   */
  private static final byte[] CALLER_CODE = Bytes.fromHex("0x"
      + "36600060003760206000366000600073" + ANSWER.toHex().substring(2) + "62" + "00c350" + "f1"
      + "600055" + "600051600155" + "00");

  private final WhiteboardPrecompileRegistry registry = new WhiteboardPrecompileRegistry();
  private TrieWorldState world;
  private long nonce;

  /** Answers 42 as a word, and fails as an integrator's code might when the input starts with 0xff. */
  private static final class AnswerPrecompile implements Precompile {
    @Override
    public long gasRequirement(byte[] input) {
      return 100;
    }

    @Override
    public PrecompileResult execute(byte[] input, PrecompileContext context) {
      if (input.length > 0 && input[0] == FAIL) {
        throw new IllegalStateException("cannot answer");
      }
      return PrecompileResult.success(Word.of(42).toBytes32());
    }
  }

  @BeforeEach
  void setUp() {
    registry.bindPrecompile(new AnswerPrecompile(), Map.of(Constants.SERVICE_ID, 1L,
        Precompile.ADDRESS, ANSWER.toHex(), Precompile.IMPLEMENTATION, "answer/1"));
    registry.bindSchedule(blockNumber -> List.of(new PrecompileActivation(ANSWER, "answer/1", ACTIVATION)));
    world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(SENDER, 0, Wei.of(1_000_000_000L), null, Map.of());
    world.updateAccount(CALLER, 0, Wei.ZERO, CALLER_CODE, Map.of());
  }

  private TransactionReceipt callInBlock(long blockNumber, byte[] data) throws Exception {
    TransactionExecutor executor = new TransactionExecutor(MainnetEvms.cancun(registry.precompilesAt(blockNumber)));
    BlockEnvironment block = new BlockEnvironment(Address.ZERO, blockNumber, 1_000, 30_000_000, Wei.of(10),
        Hash.ZERO, 0, 1, number -> Hash.ZERO);
    Transaction transaction = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce++)
        .maxPriorityFeePerGas(Wei.of(2)).maxFeePerGas(Wei.of(20)).gasLimit(200_000).to(CALLER).value(Wei.ZERO)
        .data(data).sign(KEY);
    TransactionOutcome outcome = executor.execute(world, block, transaction, 0);
    assertThat(outcome).isInstanceOf(TransactionOutcome.Executed.class);
    return ((TransactionOutcome.Executed) outcome).receipt();
  }

  private Word slot(long slot) {
    return world.storage(CALLER, Word.of(slot));
  }

  @Test
  void beforeItsActivationTheAddressIsAnEmptyAccount() throws Exception {
    assertThat(callInBlock(ACTIVATION - 1, new byte[] {7}).success()).isTrue();

    assertThat(slot(0)).isEqualTo(Word.of(1));
    // Nothing was returned, so memory still holds the call data.
    assertThat(slot(1)).isEqualTo(Word.fromBytes(Bytes.fromHex("0x07" + "00".repeat(31))));
  }

  @Test
  void fromItsActivationACallReachesThePrecompile() throws Exception {
    assertThat(callInBlock(ACTIVATION, new byte[] {7}).success()).isTrue();

    assertThat(slot(0)).isEqualTo(Word.of(1));
    assertThat(slot(1)).isEqualTo(Word.of(42));
  }

  @Test
  void aThrowingPrecompileHaltsOnlyTheCallAndTheVmRunsOn() throws Exception {
    TransactionReceipt failed = callInBlock(ACTIVATION, new byte[] {FAIL});

    // The caller sees CALL fail and goes on to finish its own transaction.
    assertThat(failed.success()).isTrue();
    assertThat(slot(0)).isEqualTo(Word.ZERO);

    assertThat(callInBlock(ACTIVATION + 1, new byte[] {7}).success()).isTrue();
    assertThat(slot(0)).isEqualTo(Word.of(1));
    assertThat(slot(1)).isEqualTo(Word.of(42));
  }
}
