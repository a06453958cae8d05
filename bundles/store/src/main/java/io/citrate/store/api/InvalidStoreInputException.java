package io.citrate.store.api;

/** A store name, key, value, range or batch that breaks the api's rules; nothing was read or written. */
public final class InvalidStoreInputException extends StoreException {
  private static final long serialVersionUID = 1L;

  public InvalidStoreInputException(String message) {
    super(message);
  }
}
