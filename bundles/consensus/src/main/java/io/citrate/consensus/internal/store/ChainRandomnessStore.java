package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** The {@link ChainRandomness} of every valid block; written once per block, never changed. */
public interface ChainRandomnessStore extends ChainRandomnessStoreReader {

  /**
   * Stores {@code randomness} for {@code block} at once.
   *
   * @throws DuplicateBlockDataException when the block already has a record
   */
  void insert(Hash block, ChainRandomness randomness);
}
