package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** A store holds nothing for the block asked about. */
public final class MissingBlockDataException extends ConsensusStoreException {

  public MissingBlockDataException(String store, Hash block) {
    super(store, block, "the " + store + " store has no data for block " + block, null);
  }
}
