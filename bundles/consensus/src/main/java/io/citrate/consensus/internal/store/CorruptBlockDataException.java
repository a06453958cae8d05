package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** What a store holds for a block does not decode: the database was damaged or written by other code. */
public final class CorruptBlockDataException extends ConsensusStoreException {

  public CorruptBlockDataException(String store, Hash block, Throwable cause) {
    super(store, block, "the " + store + " store holds undecodable data for block " + block + ": "
        + cause.getMessage(), cause);
  }
}
