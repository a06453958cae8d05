package io.citrate.vm.internal.state;

import io.citrate.core.api.Hash;
import io.citrate.core.api.trie.TrieNodeStore;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trie nodes and code in the node's key-value store, keyed by hash. Writes are staged in memory and reach the
 * store only through the caller's batch ({@link #drainInto}), so a block's state lands atomically with the rest
 * of the block or not at all.
 */
public final class KeyValueTrieNodeStore implements TrieNodeStore {
  /** The store holding state trie nodes and contract code. */
  public static final StoreName STATE_NODES = StoreName.of("vm-state-nodes");

  private final KeyValueStoreReader store;
  private final TrieNodeCache cache;
  private final Map<Hash, byte[]> staged = new LinkedHashMap<>();

  /** Nodes read from {@code store}, which must show every batch committed before, and staged here. */
  public KeyValueTrieNodeStore(KeyValueStoreReader store) {
    this(store, TrieNodeCache.NONE);
  }

  /** As {@link #KeyValueTrieNodeStore(KeyValueStoreReader)}, keeping what it reads from the store in {@code cache}. */
  public KeyValueTrieNodeStore(KeyValueStoreReader store, TrieNodeCache cache) {
    this.store = store;
    this.cache = cache;
  }

  @Override
  public Optional<byte[]> get(Hash hash) {
    byte[] pending = staged.get(hash);
    if (pending != null) {
      return Optional.of(pending);
    }
    byte[] cached = cache.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> stored = store.get(STATE_NODES, hash.unsafeBytes());
    stored.ifPresent(node -> cache.put(hash, node));
    return stored;
  }

  @Override
  public void put(Hash hash, byte[] encodedNode) {
    staged.put(hash, encodedNode);
  }

  /** Number of nodes waiting for {@link #flush}. */
  public int stagedCount() {
    return staged.size();
  }

  /**
   * Moves every staged node into {@code batch}, so the state lands in the same commit as the rest of the block
   * (receipts, logs). Until that batch is committed the nodes are readable from neither this store nor the
   * key-value store, so commit it before reading the new state.
   */
  public WriteBatch drainInto(WriteBatch batch) {
    staged.forEach((hash, node) -> batch.put(STATE_NODES, hash.unsafeBytes(), node));
    staged.clear();
    return batch;
  }
}
