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
import io.citrate.vm.api.ExecutionSegment;
import io.citrate.vm.api.TransactionRejectionReason;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {
  private static final PrivateKey KEY = PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  private static final Address RECIPIENT = Address.fromHex("0x0000000000000000000000000000000000000bbb");
  private static final Address TREASURY = Address.fromHex("0x0000000000000000000000000000000000000ccc");
  private static final BlockEnvironment BLOCK = new BlockEnvironment(Address.ZERO, 1, 1_000, 30_000_000, Wei.of(10),
      Hash.ZERO, 0, 1, number -> Hash.ZERO);

  private final BlockExecutor executor =
      new BlockExecutor(new TransactionExecutor(MainnetEvms.cancun(Map.of())));

  private static Transaction transfer(long nonce, long value) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce).maxPriorityFeePerGas(Wei.ONE)
        .maxFeePerGas(Wei.of(20)).gasLimit(21_000).to(RECIPIENT).value(Wei.of(value)).data(Bytes.EMPTY).sign(KEY);
  }

  @Test
  void skipsWhatNoLongerFitsAndCommitsTheRestInOneBatch() {
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(store);
    TrieWorldState state = TrieWorldState.empty(nodes);
    state.updateAccount(SENDER, 0, Wei.of(1_000_000), null, Map.of());

    // The second reuses nonce 0, as a transaction merged from a parallel block would.
    BlockExecutionResult result = executor.execute(state, BLOCK, List.of(transfer(0, 5), transfer(0, 6), transfer(1, 7)));

    assertThat(result.receipts()).hasSize(2);
    assertThat(result.receipts().get(1).cumulativeGasUsed()).isEqualTo(42_000);
    assertThat(result.gasUsed()).isEqualTo(42_000);
    assertThat(result.skipped()).singleElement().satisfies(skip -> {
      assertThat(skip.transactionHash()).isEqualTo(transfer(0, 6).hash());
      assertThat(skip.reason()).isEqualTo(TransactionRejectionReason.NONCE_TOO_LOW);
    });

    WriteBatch batch = new WriteBatch();
    nodes.drainInto(batch);
    store.commit(batch);
    TrieWorldState reloaded = TrieWorldState.load(result.stateRoot(), new KeyValueTrieNodeStore(store));
    assertThat(reloaded.account(RECIPIENT).orElseThrow().balance()).isEqualTo(Wei.of(12));
    assertThat(reloaded.account(SENDER).orElseThrow().nonce()).isEqualTo(2);
  }

  @Test
  void runsSegmentsUnderTheirOwnCoinbaseAndBudgetThenCreditsRewards() {
    Address mergedProducer = Address.fromHex("0x00000000000000000000000000000000000000a1");
    Address chainProducer = Address.fromHex("0x00000000000000000000000000000000000000a2");
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    TrieWorldState state = TrieWorldState.empty(new KeyValueTrieNodeStore(store));
    state.updateAccount(SENDER, 0, Wei.of(1_000_000), null, Map.of());
    BlockEnvironment merged = new BlockEnvironment(mergedProducer, 1, 1_000, 21_000, Wei.of(10), Hash.ZERO, 0, 1,
        number -> Hash.ZERO);
    BlockEnvironment own = new BlockEnvironment(chainProducer, 1, 1_000, 30_000_000, Wei.of(10), Hash.ZERO, 0, 1,
        number -> Hash.ZERO);

    // The merged block's budget holds one transfer: its second is skipped, not run under the chain block's.
    BlockExecutionResult result = executor.execute(state,
        List.of(new ExecutionSegment(merged, List.of(transfer(0, 5), transfer(1, 6))),
            new ExecutionSegment(own, List.of(transfer(1, 7)))),
        new BlockPayouts(Map.of(chainProducer, Wei.of(1_000), mergedProducer, Wei.of(500), RECIPIENT, Wei.ZERO),
            Optional.of(TREASURY)));

    assertThat(result.receipts()).extracting(receipt -> receipt.cumulativeGasUsed()).containsExactly(21_000L, 42_000L);
    assertThat(result.gasUsed()).isEqualTo(42_000);
    assertThat(result.skipped()).singleElement().satisfies(skip ->
        assertThat(skip.reason()).isEqualTo(TransactionRejectionReason.GAS_LIMIT_ABOVE_BLOCK_GAS_LEFT));
    // Each producer earns the priority fee (1 wei per gas) of its own segment, plus its credit.
    assertThat(state.account(mergedProducer).orElseThrow().balance()).isEqualTo(Wei.of(21_000 + 500));
    assertThat(state.account(chainProducer).orElseThrow().balance()).isEqualTo(Wei.of(21_000 + 1_000));
    assertThat(state.account(RECIPIENT).orElseThrow().balance()).isEqualTo(Wei.of(12));
    // Base fees (10 wei per gas) go to the treasury instead of being burnt.
    assertThat(state.account(TREASURY).orElseThrow().balance()).isEqualTo(Wei.of(420_000));
  }
}
