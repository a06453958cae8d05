package io.citrate.vm.internal.state;

import io.citrate.core.api.Hash;
import io.citrate.core.api.trie.TrieNodeStore;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trie nodes and code in a {@link KeyValueStore}, keyed by hash. Writes are staged in memory and reach the store
 * in one batch on {@link #flush}, so a block's state lands atomically or not at all.
 */
public final class KeyValueTrieNodeStore implements TrieNodeStore {
  /** The store holding state trie nodes and contract code. */
  public static final StoreName STATE_NODES = StoreName.of("vm-state-nodes");

  private final KeyValueStore store;
  private final Map<Hash, byte[]> staged = new LinkedHashMap<>();

  public KeyValueTrieNodeStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(Hash hash) {
    byte[] pending = staged.get(hash);
    return pending != null ? Optional.of(pending) : store.get(STATE_NODES, hash.unsafeBytes());
  }

  @Override
  public void put(Hash hash, byte[] encodedNode) {
    staged.put(hash, encodedNode);
  }

  /** Number of nodes waiting for {@link #flush}. */
  public int stagedCount() {
    return staged.size();
  }

  /** Commits every staged node in one batch. */
  public void flush() {
    if (staged.isEmpty()) {
      return;
    }
    WriteBatch batch = new WriteBatch();
    staged.forEach((hash, node) -> batch.put(STATE_NODES, hash.unsafeBytes(), node));
    store.commit(batch);
    staged.clear();
  }
}
