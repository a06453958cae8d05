package io.citrate.core.api.rlp;

/** Input is not canonical RLP, or not the shape the caller expected. The message says where and why. */
public final class RlpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }
}
