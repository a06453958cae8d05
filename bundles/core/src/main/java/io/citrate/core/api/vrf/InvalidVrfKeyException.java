package io.citrate.core.api.vrf;

/**
 * Bytes that are not a usable ECVRF key: a secret scalar outside [1, q-1], or a public key that is not a
 * compressed P-256 point, or that fails RFC 9381 ECVRF_validate_key.
 */
public final class InvalidVrfKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidVrfKeyException(String message) {
    super(message);
  }
}
