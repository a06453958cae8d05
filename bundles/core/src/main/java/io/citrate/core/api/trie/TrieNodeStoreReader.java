package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Read access to trie nodes, each stored under the Keccak-256 hash of its RLP encoding. */
@ConsumerType
public interface TrieNodeStoreReader {

  /**
   * The encoded node stored under {@code hash}, or empty if there is none. Callers must not modify the
   * returned array.
   */
  Optional<byte[]> get(Hash hash);
}
