package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.citrate.vm.api.GenesisAccount;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileRegistry;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.internal.registry.WhiteboardPrecompileRegistry;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockProcessorComponentTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  private static final Address COUNTER = Address.fromHex("0x0000000000000000000000000000000000000c0c");
  /** Adds one to slot 0: PUSH1 1 PUSH1 0 SLOAD ADD PUSH1 0 SSTORE. */
  private static final byte[] COUNTER_CODE = Bytes.fromHex("0x600160005401600055");

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final BlockProcessorComponent processor =
      new BlockProcessorComponent(store, new WhiteboardPrecompileRegistry());

  private static BlockEnvironment block(long number) {
    return new BlockEnvironment(Address.ZERO, number, number * 2, 30_000_000, Wei.of(7), Hash.ZERO, 0, 1,
        n -> Hash.ZERO);
  }

  private static Transaction increment(long nonce) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce).maxPriorityFeePerGas(Wei.ONE)
        .maxFeePerGas(Wei.of(10)).gasLimit(60_000).to(COUNTER).value(Wei.ZERO).data(Bytes.EMPTY).sign(KEY);
  }

  private Hash commitGenesis() {
    WriteBatch batch = new WriteBatch();
    Hash root = processor.genesis(List.of(
        new GenesisAccount(SENDER, Wei.of(1_000_000_000L), 0, Bytes.EMPTY, Map.of()),
        new GenesisAccount(COUNTER, Wei.ZERO, 1, COUNTER_CODE, Map.of(Hash.ZERO, Hash.wrap(Word.of(40).toBytes32())))),
        batch);
    store.commit(batch);
    return root;
  }

  @Test
  void blocksBuildOnTheStateTheCallerCommitted() throws Exception {
    Hash genesis = commitGenesis();

    WriteBatch first = new WriteBatch();
    BlockExecutionResult one = processor.execute(genesis, block(1), List.of(increment(0)), first);
    store.commit(first);
    WriteBatch second = new WriteBatch();
    BlockExecutionResult two = processor.execute(one.stateRoot(), block(2), List.of(increment(1), increment(1)), second);
    store.commit(second);

    assertThat(two.receipts()).hasSize(1);
    assertThat(two.skipped()).hasSize(1);
    TrieWorldState persisted = TrieWorldState.load(two.stateRoot(), new KeyValueTrieNodeStore(store));
    assertThat(persisted.storage(COUNTER, Word.ZERO)).isEqualTo(Word.of(42));
    assertThat(persisted.account(SENDER).orElseThrow().nonce()).isEqualTo(2);
  }

  @Test
  void aBlockNeedingAMissingPrecompileWritesNothing() {
    Hash genesis = commitGenesis();
    PrecompileActivation missing = new PrecompileActivation(COUNTER, "counter/2", 1);
    BlockProcessorComponent needingIt = new BlockProcessorComponent(store, new PrecompileRegistry() {
      @Override
      public Map<Address, Precompile> precompilesAt(long blockNumber) throws PrecompileUnavailableException {
        throw new PrecompileUnavailableException(blockNumber, List.of(missing));
      }

      @Override
      public List<PrecompileActivation> scheduleAt(long blockNumber) {
        return List.of(missing);
      }

      @Override
      public int registrations(PrecompileActivation activation) {
        return 0;
      }
    });
    WriteBatch batch = new WriteBatch();
    assertThatThrownBy(() -> needingIt.execute(genesis, block(1), List.of(increment(0)), batch))
        .isInstanceOf(PrecompileUnavailableException.class);
    assertThat(batch.isEmpty()).isTrue();
  }
}
