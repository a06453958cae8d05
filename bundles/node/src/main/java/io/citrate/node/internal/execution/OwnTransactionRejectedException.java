package io.citrate.node.internal.execution;

import io.citrate.core.api.Hash;

/**
 * One of a block's own transactions does not fit the state its block executes on. A received block carrying it
 * is invalid; a producer leaves the transaction out and builds again.
 */
public final class OwnTransactionRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Hash transaction;

  public OwnTransactionRejectedException(Hash transaction, String reason) {
    super("own transaction " + transaction + " does not fit: " + reason);
    this.transaction = transaction;
  }

  public Hash transaction() {
    return transaction;
  }
}
