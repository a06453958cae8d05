package io.citrate.vm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrieWorldStateTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final byte[] CODE = {0x60, 0x01, 0x60, 0x00, 0x55};

  @Test
  void emptyStateHasTheEmptyTrieRoot() {
    assertThat(TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore())).rootHash())
        .isEqualTo(Hash.EMPTY_TRIE_ROOT);
  }

  @Test
  void committedStateReadsBackThroughAFreshStore() {
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(store);
    TrieWorldState state = TrieWorldState.empty(nodes);
    state.updateAccount(ALICE, 7, Wei.of(1_000), CODE, Map.of(Word.of(1), Word.of(42), Word.of(2), Word.of(7)));
    Hash root = state.rootHash();
    state.commit();
    store.commit(nodes.drainInto(new WriteBatch()));
    assertThat(nodes.stagedCount()).isZero();

    TrieWorldState reloaded = TrieWorldState.load(root, new KeyValueTrieNodeStore(store));
    Account account = reloaded.account(ALICE).orElseThrow();
    assertThat(account.nonce()).isEqualTo(7);
    assertThat(account.balance()).isEqualTo(Wei.of(1_000));
    assertThat(account.codeHash()).isEqualTo(Keccak256.hash(CODE));
    assertThat(reloaded.code(account.codeHash())).isEqualTo(CODE);
    assertThat(reloaded.storage(ALICE, Word.of(1))).isEqualTo(Word.of(42));
    assertThat(reloaded.storage(ALICE, Word.of(3))).isEqualTo(Word.ZERO);
    assertThat(reloaded.rootHash()).isEqualTo(root);
  }

  @Test
  void zeroingEverySlotRestoresTheEmptyStorageRoot() {
    TrieWorldState state = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    state.updateAccount(ALICE, 1, Wei.ZERO, null, Map.of(Word.of(1), Word.of(42)));
    state.updateAccount(ALICE, 1, Wei.ZERO, null, Map.of(Word.of(1), Word.ZERO));
    assertThat(state.account(ALICE).orElseThrow().storageRoot()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
  }

  @Test
  void deletingAnAccountDropsItsStorage() {
    TrieWorldState state = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    state.updateAccount(ALICE, 1, Wei.ONE, null, Map.of(Word.of(1), Word.of(42)));
    state.deleteAccount(ALICE);
    assertThat(state.account(ALICE)).isEmpty();
    assertThat(state.storage(ALICE, Word.of(1))).isEqualTo(Word.ZERO);
    assertThat(state.rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
  }
}
