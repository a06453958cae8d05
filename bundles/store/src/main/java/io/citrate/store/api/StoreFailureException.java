package io.citrate.store.api;

/**
 * The storage underneath failed (I/O error, corrupted log, full disk). A commit that fails this way
 * changed nothing.
 */
public final class StoreFailureException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
