package io.citrate.core.api.crypto;

/** EIP-712 typed data whose types or values break the standard; the message names the offending path. */
public final class InvalidTypedDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidTypedDataException(String message) {
    super(message);
  }
}
