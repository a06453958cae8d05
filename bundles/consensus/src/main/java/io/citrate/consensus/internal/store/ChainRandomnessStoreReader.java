package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** Read access to the {@link ChainRandomness} of every valid block. */
public interface ChainRandomnessStoreReader {

  /**
   * The chain randomness of {@code block}.
   *
   * @throws MissingBlockDataException when the block has none
   */
  ChainRandomness get(Hash block);

  boolean has(Hash block);
}
