package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

final class StoreTestHashes {
  private StoreTestHashes() {}

  /** A hash whose first byte is {@code n}, so hashes sort by {@code n}. */
  static Hash hash(int n) {
    byte[] bytes = new byte[Hash.SIZE];
    bytes[0] = (byte) n;
    return Hash.wrapUnsafe(bytes);
  }
}
