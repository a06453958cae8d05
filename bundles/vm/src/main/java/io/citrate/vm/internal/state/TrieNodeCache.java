package io.citrate.vm.internal.state;

import io.citrate.core.api.Hash;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Recently read state trie nodes and code, shared by every read of the state: the upper levels of the account
 * trie are on the path of every balance query, call and block. Nodes are keyed by their hash, so a cached node is
 * never stale; slots are overwritten freely and no lock is taken. Only what the store holds is cached (never a
 * node staged for a batch that may yet be dropped), and callers get copies.
 */
public final class TrieNodeCache {
  /** Keeps nothing: every read goes to the store. */
  public static final TrieNodeCache NONE = new TrieNodeCache(0);

  private final AtomicReferenceArray<Entry> slots;

  private record Entry(Hash hash, byte[] encoded) {}

  /** A cache of {@code slots} entries: at most that many nodes of at most 532 bytes (a full branch) each. */
  public TrieNodeCache(int slots) {
    if (slots < 0) {
      throw new IllegalArgumentException("slots must not be negative: " + slots);
    }
    this.slots = new AtomicReferenceArray<>(slots);
  }

  byte[] get(Hash hash) {
    if (slots.length() == 0) {
      return null;
    }
    Entry entry = slots.get(slotOf(hash));
    return entry != null && entry.hash().equals(hash) ? entry.encoded().clone() : null;
  }

  void put(Hash hash, byte[] encoded) {
    if (slots.length() > 0) {
      slots.set(slotOf(hash), new Entry(hash, encoded.clone()));
    }
  }

  private int slotOf(Hash hash) {
    return (hash.hashCode() & 0x7fffffff) % slots.length();
  }
}
