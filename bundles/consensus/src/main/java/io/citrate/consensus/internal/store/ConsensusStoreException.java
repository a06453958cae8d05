package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;

/** Why a consensus store refused a read or a write: the closed set of store errors. */
public abstract sealed class ConsensusStoreException extends RuntimeException
    permits MissingBlockDataException, DuplicateBlockDataException, CorruptBlockDataException {

  private final String store;
  private final Hash block;

  ConsensusStoreException(String store, Hash block, String message, Throwable cause) {
    super(message, cause);
    this.store = store;
    this.block = block;
  }

  /** The store that refused, e.g. {@code ghostdag}. */
  public String store() {
    return store;
  }

  /** The block the refused operation was about. */
  public Hash block() {
    return block;
  }
}
