package io.citrate.store.api;

/** The store or snapshot was closed before the call; nothing was read or written. */
public final class StoreClosedException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreClosedException(String message) {
    super(message);
  }
}
