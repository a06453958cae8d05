package io.citrate.tensor.api;

/** Why a tensor operation was refused or failed. The session and its other tensors stay usable. */
public class TensorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** Shapes do not fit the operation (broadcasting, inner dimensions, channels, ranks). */
    SHAPE_MISMATCH,
    /** A tensor's type is not one the operation accepts, or two inputs' types differ. */
    WRONG_DTYPE,
    /** An attribute is out of range: an axis, a stride, a permutation, an index, a value that does not fit. */
    INVALID_ARGUMENT,
    /** A tensor, the session's memory or its multiply-accumulate budget would exceed the session's limits. */
    LIMIT_EXCEEDED,
    /** NaN or an infinity where EXACT mode needs a finite value. */
    NOT_FINITE,
    /** The operation has no bit-reproducible form and the session is EXACT. */
    UNSUPPORTED_IN_EXACT,
    /** The tensor or the session was closed. */
    CLOSED,
    /** The device or its driver failed; the operation's output is discarded. */
    BACKEND_FAILURE
  }

  private final Kind kind;

  public TensorException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public TensorException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
