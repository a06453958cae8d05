package io.citrate.txpool.api;

import io.citrate.core.api.tx.TransactionInvalidReason;

/** Why the pool refused a transaction: one value per cause, each with a readable description. */
public enum RejectionReason {
  MALFORMED("not a valid transaction encoding"),
  BAD_SIGNATURE("invalid sender"),
  WRONG_CHAIN_ID("invalid chain id for signer"),
  NONCE_TOO_LOW("nonce too low"),
  NONCE_TOO_HIGH("nonce too high"),
  ALREADY_KNOWN("already known"),
  UNDERPRICED("transaction underpriced"),
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  INTRINSIC_GAS("intrinsic gas too low"),
  GAS_LIMIT_EXCEEDED("exceeds block gas limit"),
  OVERSIZED("oversized data"),
  SENDER_LIMIT("account limit exceeded"),
  UNSUPPORTED_TYPE("transaction type not supported");

  private final String description;

  RejectionReason(String description) {
    this.description = description;
  }

  /**
   * A short sentence fragment. Where geth's pool has the same error it is geth's wording, so tools that match
   * those messages keep working; the detail after it says what was wrong in this case.
   */
  public String description() {
    return description;
  }

  /** The pool's reason for a static rule that core's decoder or builder found broken. */
  public static RejectionReason of(TransactionInvalidReason reason) {
    return switch (reason) {
      case MALFORMED_ENCODING, FIELDS_INCONSISTENT_WITH_TYPE, FEE_OVERFLOW, VALUE_OVERFLOW,
          GAS_LIMIT_PRICE_PRODUCT_OVERFLOW, PRIORITY_FEE_ABOVE_MAX_FEE, INVALID_TO, INVALID_ACCESS_LIST -> MALFORMED;
      // The pool keeps no blob sidecars, so whatever is wrong with a blob transaction, it is not taken.
      case UNSUPPORTED_TYPE, BLOB_TRANSACTION_WITHOUT_RECIPIENT, BLOB_TRANSACTION_WITHOUT_BLOBS, TOO_MANY_BLOBS,
          INVALID_BLOB_VERSIONED_HASH -> UNSUPPORTED_TYPE;
      case INVALID_CHAIN_ID, WRONG_CHAIN_ID -> WRONG_CHAIN_ID;
      case NONCE_OVERFLOW -> NONCE_TOO_HIGH;
      case GAS_LIMIT_OVERFLOW -> GAS_LIMIT_EXCEEDED;
      case INITCODE_TOO_LARGE -> OVERSIZED;
      case INTRINSIC_GAS_TOO_LOW -> INTRINSIC_GAS;
      case INVALID_V, INVALID_SIGNATURE, SENDER_NOT_RECOVERABLE -> BAD_SIGNATURE;
    };
  }
}
