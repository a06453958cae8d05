package io.citrate.store.api;

/**
 * Every failure a {@link KeyValueStore} reports. A closed set: bad input, a closed store, or a failure of
 * the storage underneath. None of them leaves a batch half-applied.
 */
public abstract sealed class StoreException extends RuntimeException
    permits InvalidStoreInputException, StoreClosedException, StoreFailureException {
  private static final long serialVersionUID = 1L;

  StoreException(String message) {
    super(message);
  }

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
