package io.citrate.consensus.api;

import io.citrate.core.api.Hash;

/** A block broke a consensus rule; nothing of it was stored beyond its invalid status. */
public final class BlockRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Hash block;
  private final transient RuleViolation violation;

  public BlockRejectedException(Hash block, RuleViolation violation) {
    super("block " + block + " rejected: " + violation.message());
    this.block = block;
    this.violation = violation;
  }

  public Hash block() {
    return block;
  }

  public RuleViolation violation() {
    return violation;
  }
}
