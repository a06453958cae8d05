package io.citrate.core.api.crypto;

/**
 * A secp256k1 signature is malformed or does not yield a public key: r or s out of range, a high s where
 * low s is required, an r that is not the x coordinate of a curve point, or a recovered point at infinity.
 */
public final class InvalidSignatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}
