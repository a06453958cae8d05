package io.citrate.vm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.store.api.MemoryKeyValueStore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournaledStateTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");

  private TrieWorldState world;

  @BeforeEach
  void setUp() {
    world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(ALICE, 1, Wei.of(100), null, Map.of(Word.of(1), Word.of(10)));
  }

  @Test
  void revertUndoesEveryKindOfChangeSinceTheCheckpoint() {
    JournaledState state = new JournaledState(world);
    state.setStorage(ALICE, Word.of(1), Word.of(11));
    int checkpoint = state.checkpoint();
    state.transfer(ALICE, BOB, Wei.of(40));
    state.setStorage(ALICE, Word.of(1), Word.of(12));
    state.setTransientStorage(ALICE, Word.of(5), Word.of(6));
    state.warmUp(BOB);
    state.warmUp(ALICE, Word.of(9));
    state.addRefund(4_800);
    state.setCode(BOB, new byte[] {0x00});

    state.revertTo(checkpoint);

    assertThat(state.balance(ALICE)).isEqualTo(Wei.of(100));
    assertThat(state.exists(BOB)).isFalse();
    assertThat(state.storage(ALICE, Word.of(1))).isEqualTo(Word.of(11));
    assertThat(state.originalStorage(ALICE, Word.of(1))).isEqualTo(Word.of(10));
    assertThat(state.transientStorage(ALICE, Word.of(5))).isEqualTo(Word.ZERO);
    assertThat(state.isWarm(BOB)).isFalse();
    assertThat(state.warmUp(ALICE, Word.of(9))).isFalse();
    assertThat(state.refund()).isZero();
    assertThat(state.codeHash(BOB)).isEqualTo(Hash.EMPTY);
  }

  @Test
  void touchedEmptyAccountsAreDeletedAndUntouchedOnesKept() {
    world.updateAccount(BOB, 0, Wei.ZERO, null, Map.of());
    Address carol = Address.fromHex("0x00000000000000000000000000000000000ca201");
    world.updateAccount(carol, 0, Wei.ZERO, null, Map.of());
    JournaledState state = new JournaledState(world);
    state.addBalance(BOB, Wei.ZERO);
    state.commitTo(world);
    assertThat(world.account(BOB)).isEmpty();
    assertThat(world.account(carol)).isPresent();
  }

  @Test
  void aRevertedTouchDoesNotDelete() {
    world.updateAccount(BOB, 0, Wei.ZERO, null, Map.of());
    JournaledState state = new JournaledState(world);
    int checkpoint = state.checkpoint();
    state.touch(BOB);
    state.revertTo(checkpoint);
    state.commitTo(world);
    assertThat(world.account(BOB)).isPresent();
  }

  @Test
  void selfDestructDeletesTheAccountWithItsStorage() {
    JournaledState state = new JournaledState(world);
    state.markCreated(ALICE);
    state.selfDestruct(ALICE);
    state.commitTo(world);
    assertThat(world.account(ALICE)).isEmpty();
    assertThat(world.storage(ALICE, Word.of(1))).isEqualTo(Word.ZERO);
  }

  @Test
  void commitWritesOnlyChangedSlots() {
    JournaledState state = new JournaledState(world);
    state.setStorage(ALICE, Word.of(2), Word.of(20));
    state.setStorage(ALICE, Word.of(1), Word.of(10));
    state.commitTo(world);
    assertThat(world.storage(ALICE, Word.of(1))).isEqualTo(Word.of(10));
    assertThat(world.storage(ALICE, Word.of(2))).isEqualTo(Word.of(20));
  }
}
