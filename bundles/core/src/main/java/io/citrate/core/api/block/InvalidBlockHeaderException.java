package io.citrate.core.api.block;

/** A block header is malformed: bad RLP, a field out of range, or a structural rule broken. */
public final class InvalidBlockHeaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidBlockHeaderException(String message) {
    super(message);
  }

  public InvalidBlockHeaderException(String message, Throwable cause) {
    super(message, cause);
  }
}
