package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MerklePatriciaTrie} keyed by the Keccak-256 hash of each key, as Ethereum's state trie (keyed by
 * address) and storage tries (keyed by slot) are. Hashing spreads keys evenly, so paths stay short whatever
 * keys an attacker picks. Values are stored unchanged.
 */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  private SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public static SecureTrie empty() {
    return new SecureTrie(MerklePatriciaTrie.empty());
  }

  /** See {@link MerklePatriciaTrie#load}. */
  public static SecureTrie load(Hash root, TrieNodeStoreReader store) {
    return new SecureTrie(MerklePatriciaTrie.load(root, store));
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Optional<byte[]> get(byte[] key) {
    return trie.get(hashKey(key));
  }

  /** Stores {@code value} under {@code key}; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    trie.put(hashKey(key), value);
  }

  public void remove(byte[] key) {
    trie.remove(hashKey(key));
  }

  /** See {@link MerklePatriciaTrie#commit}. */
  public void commit(TrieNodeStore target) {
    trie.commit(target);
  }

  /** A Merkle proof for {@code key}, along the path of its hash; see {@link MerklePatriciaTrie#proof}. */
  public List<byte[]> proof(byte[] key) {
    return trie.proof(hashKey(key));
  }

  /**
   * Checks a proof produced by {@link #proof} against {@code root}.
   *
   * @return the value proven for {@code key}, or empty if the proof shows that the key is absent
   * @throws InvalidTrieProofException if the proof does not prove either
   */
  public static Optional<byte[]> verifyProof(Hash root, byte[] key, List<byte[]> proof) {
    return MerklePatriciaTrie.verifyProof(root, hashKey(key), proof);
  }

  @Override
  public String toString() {
    return "SecureTrie[" + rootHash() + "]";
  }

  private static byte[] hashKey(byte[] key) {
    return Keccak256.hash(Objects.requireNonNull(key, "key")).unsafeBytes();
  }
}
