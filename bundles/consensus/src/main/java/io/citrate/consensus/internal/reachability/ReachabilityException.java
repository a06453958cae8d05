package io.citrate.consensus.internal.reachability;

/** A reachability operation that cannot be carried out, with the closed set of causes in {@link Reason}. */
public final class ReachabilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** A block named in a query or as a parent is not in the index. */
    UNKNOWN_BLOCK,
    /** The block being added is already in the index. */
    DUPLICATE_BLOCK,
    /** The arguments contradict each other or the index, e.g. a mergeset that names the selected parent. */
    BAD_ARGUMENT,
    /** The index has no root yet. */
    NOT_INITIALIZED,
    /** The tree needs more interval room than its root holds. */
    DATA_OVERFLOW,
    /** Stored data contradicts itself or the input, e.g. a stored record that does not decode. */
    DATA_INCONSISTENCY
  }

  private final Reason reason;

  public ReachabilityException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReachabilityException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
