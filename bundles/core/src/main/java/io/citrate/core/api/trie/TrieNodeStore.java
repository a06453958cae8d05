package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Read and write access to trie nodes. Nodes are content-addressed, so writing the same hash twice writes
 * the same bytes and stores never need to delete to stay consistent.
 */
@ConsumerType
public interface TrieNodeStore extends TrieNodeStoreReader {

  /** Stores {@code encodedNode} under {@code hash}; the store may keep the array, so callers must not modify it. */
  void put(Hash hash, byte[] encodedNode);

  /**
   * Stores every node of one commit. Stores backed by a database write them in one transaction; this
   * default writes them one by one in the map's iteration order.
   */
  default void putAll(Map<Hash, byte[]> nodes) {
    for (Map.Entry<Hash, byte[]> node : nodes.entrySet()) {
      put(node.getKey(), node.getValue());
    }
  }
}
