package io.citrate.consensus.internal.store;

import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;

/** The GHOSTDAG data of every block; written once per block, never changed. */
public interface GhostdagStore extends GhostdagStoreReader {

  /**
   * Stores {@code data} for {@code block} at once.
   *
   * @throws DuplicateBlockDataException when the block already has data
   */
  void insert(Hash block, GhostdagData data);
}
