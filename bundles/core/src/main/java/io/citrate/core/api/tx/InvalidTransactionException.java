package io.citrate.core.api.tx;

/** A transaction breaks a static validity rule. {@link #reason()} says which; the message gives the detail. */
public final class InvalidTransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TransactionInvalidReason reason;

  public InvalidTransactionException(TransactionInvalidReason reason, String detail) {
    super(reason.description() + ": " + detail);
    this.reason = reason;
  }

  public TransactionInvalidReason reason() {
    return reason;
  }
}
