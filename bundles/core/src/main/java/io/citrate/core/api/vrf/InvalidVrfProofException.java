package io.citrate.core.api.vrf;

/** An ECVRF proof that is malformed or does not verify, with the rule it breaks. */
public final class InvalidVrfProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a proof was rejected, in the order RFC 9381 checks them. */
  public enum Reason {
    /** pi is not 81 bytes. */
    MALFORMED_LENGTH,
    /** Gamma is not the compressed encoding of a point on P-256. */
    GAMMA_NOT_ON_CURVE,
    /** The response s is not below the group order q. */
    SCALAR_OUT_OF_RANGE,
    /** The recomputed challenge differs from c: wrong key, wrong message or a forged proof. */
    CHALLENGE_MISMATCH
  }

  private final Reason reason;

  public InvalidVrfProofException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
