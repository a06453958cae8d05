package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import io.citrate.vm.api.GenesisAccount;
import io.citrate.vm.internal.registry.WhiteboardPrecompileRegistry;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.Word;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockProcessorCallTest {
  private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address COUNTER = Address.fromHex("0x0000000000000000000000000000000000000c0c");
  private static final Address FRESH = Address.fromHex("0x0000000000000000000000000000000000000f0f");
  /** Adds one to slot 0 and returns the new value. */
  private static final byte[] COUNTER_CODE = Bytes.fromHex("0x600160005401806000556000526020" + "6000f3");
  private static final Hash SLOT_0 = Hash.ZERO;
  private static final Hash SLOT_1 = Hash.wrap(Word.of(1).toBytes32());
  private static final BlockEnvironment BLOCK = new BlockEnvironment(Address.ZERO, 3, 1_000, 30_000_000, Wei.of(7),
      Hash.ZERO, 0, 1, number -> Hash.ZERO);

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final BlockProcessorComponent processor =
      new BlockProcessorComponent(store, new WhiteboardPrecompileRegistry());
  private Hash root;

  @BeforeEach
  void setUp() {
    WriteBatch batch = new WriteBatch();
    root = processor.genesis(List.of(new GenesisAccount(COUNTER, Wei.ZERO, 1, COUNTER_CODE,
        Map.of(SLOT_0, word(40), SLOT_1, word(7)))), batch);
    store.commit(batch);
  }

  private static Hash word(long value) {
    return Hash.wrap(Word.of(value).toBytes32());
  }

  private CallResult call(Address to, Map<Address, AccountOverride> overrides) {
    return processor.call(store, root, BLOCK, CallMessage.of(CALLER, Optional.of(to), 100_000, Bytes.EMPTY),
        overrides);
  }

  @Test
  void readsCodeAndStorageAtARoot() {
    assertThat(processor.code(store, root, COUNTER)).isEqualTo(COUNTER_CODE);
    assertThat(processor.code(store, root, CALLER)).isEmpty();
    assertThat(processor.storage(store, root, COUNTER, SLOT_1)).isEqualTo(word(7));
    assertThat(processor.storage(store, root, COUNTER, word(2))).isEqualTo(Hash.ZERO);
    assertThat(processor.storage(store, root, CALLER, SLOT_0)).isEqualTo(Hash.ZERO);
  }

  @Test
  void overridesChangeWhatTheCallSeesAndNothingElse() {
    long nodes = store.count(KeyValueTrieNodeStore.STATE_NODES);
    assertThat(call(COUNTER, Map.of()).output()).isEqualTo(word(41).unsafeBytes());

    Map<Address, AccountOverride> diff = Map.of(COUNTER, AccountOverride.NONE.withStateDiff(Map.of(SLOT_0, word(99))));
    assertThat(call(COUNTER, diff).output()).isEqualTo(word(100).unsafeBytes());

    // A whole new storage: slot 0 is unset, so the counter starts from zero.
    Map<Address, AccountOverride> replaced = Map.of(COUNTER, AccountOverride.NONE.withState(Map.of(SLOT_1, word(5))));
    assertThat(call(COUNTER, replaced).output()).isEqualTo(word(1).unsafeBytes());

    Map<Address, AccountOverride> code = Map.of(FRESH, AccountOverride.NONE.withCode(COUNTER_CODE)
        .withStateDiff(Map.of(SLOT_0, word(9))));
    assertThat(call(FRESH, code).output()).isEqualTo(word(10).unsafeBytes());

    CallMessage valued = new CallMessage(CALLER, Optional.of(FRESH), 100_000, Optional.empty(), Optional.empty(),
        Optional.empty(), Wei.of(5), Bytes.EMPTY, List.of());
    assertThat(processor.call(store, root, BLOCK, valued, Map.of()).status()).isEqualTo(CallStatus.REJECTED);
    assertThat(processor.call(store, root, BLOCK, valued, Map.of(CALLER, AccountOverride.NONE.withBalance(Wei.of(5))))
        .status()).isEqualTo(CallStatus.SUCCESS);

    assertThat(store.count(KeyValueTrieNodeStore.STATE_NODES)).isEqualTo(nodes);
    assertThat(processor.storage(store, root, COUNTER, SLOT_0)).isEqualTo(word(40));
    assertThat(processor.account(store, root, FRESH).balance()).isEqualTo(Wei.ZERO);
  }

  @Test
  void aStateThatCannotBeReadIsAResultNotAnException() {
    CallResult result = processor.call(store, word(12345), BLOCK,
        CallMessage.of(CALLER, Optional.of(COUNTER), 100_000, Bytes.EMPTY), Map.of());
    assertThat(result.status()).isEqualTo(CallStatus.REJECTED);
    assertThat(result.failure()).startsWith("call failed: state");
  }
}
