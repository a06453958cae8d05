package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;

/** A node known only by its hash, not yet loaded from the store. */
final class HashNode extends Node {
  private final Hash hash;

  HashNode(Hash hash) {
    this.hash = hash;
    markPersisted();
  }

  @Override
  byte[] encode() {
    throw new IllegalStateException("node " + hash + " must be loaded before it is encoded");
  }

  @Override
  Hash hash() {
    return hash;
  }

  @Override
  boolean referencedByHash() {
    return true;
  }
}
