package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** A store already holds data for the block; consensus data is written once and never replaced. */
public final class DuplicateBlockDataException extends ConsensusStoreException {

  public DuplicateBlockDataException(String store, Hash block) {
    super(store, block, "the " + store + " store already has data for block " + block, null);
  }
}
