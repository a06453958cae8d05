package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TrieNodeStore} held in memory: for tests, proofs and tries that never reach disk. Thread-safe. */
public final class MemoryTrieNodeStore implements TrieNodeStore {
  private final ConcurrentHashMap<Hash, byte[]> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> get(Hash hash) {
    return Optional.ofNullable(nodes.get(hash));
  }

  @Override
  public void put(Hash hash, byte[] encodedNode) {
    nodes.put(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(encodedNode, "encodedNode"));
  }

  /** Number of stored nodes. */
  public int size() {
    return nodes.size();
  }
}
