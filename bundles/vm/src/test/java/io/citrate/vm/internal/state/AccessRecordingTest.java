package io.citrate.vm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.store.api.MemoryKeyValueStore;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRecordingTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address CREATED = Address.fromHex("0x0000000000000000000000000000000000000c0c");

  private final JournaledState state =
      new JournaledState(TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore())));

  @Test
  void nothingIsRecordedUnlessAsked() {
    state.warmUp(ALICE);
    state.warmUp(BOB, Word.of(1));
    assertThat(state.accessed()).isEmpty();
  }

  @Test
  void recordsAccessesFromThenOnThroughRevertsButNotANewContractsAddress() {
    state.warmUp(ALICE);
    state.recordAccesses();
    int checkpoint = state.checkpoint();
    state.warmUp(ALICE);
    state.warmUp(BOB, Word.of(1));
    state.warmUp(BOB, Word.of(1));
    state.warmUpCreated(CREATED);
    state.revertTo(checkpoint);

    assertThat(state.isWarm(BOB)).isFalse();
    assertThat(state.isWarm(CREATED)).isFalse();
    assertThat(state.accessed()).containsExactly(Map.entry(ALICE, Set.of()), Map.entry(BOB, Set.of(Word.of(1))));
  }
}
