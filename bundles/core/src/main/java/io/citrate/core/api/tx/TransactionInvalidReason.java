package io.citrate.core.api.tx;

/** Why a transaction was rejected: one value per cause, each with a readable description. */
public enum TransactionInvalidReason {
  MALFORMED_ENCODING("not canonical RLP of the expected shape"),
  UNSUPPORTED_TYPE("transaction type not supported"),
  FIELDS_INCONSISTENT_WITH_TYPE("fields do not match the transaction type"),
  INVALID_CHAIN_ID("invalid chain id"),
  WRONG_CHAIN_ID("signed for another chain"),
  NONCE_OVERFLOW("nonce must be below 2^64 - 1 (EIP-2681)"),
  GAS_LIMIT_OVERFLOW("gas limit must fit in 64 bits"),
  FEE_OVERFLOW("gas price or fee cap must be below 2^256"),
  VALUE_OVERFLOW("value must be below 2^256"),
  GAS_LIMIT_PRICE_PRODUCT_OVERFLOW("gas limit times fee cap exceeds 2^256 - 1"),
  PRIORITY_FEE_ABOVE_MAX_FEE("max priority fee per gas exceeds max fee per gas"),
  INVALID_TO("recipient must be 20 bytes, or empty for a creation"),
  INVALID_ACCESS_LIST("access list entries must be a 20-byte address and 32-byte storage keys"),
  INITCODE_TOO_LARGE("initcode exceeds 49152 bytes (EIP-3860)"),
  INTRINSIC_GAS_TOO_LOW("gas limit is below the intrinsic gas"),
  BLOB_TRANSACTION_WITHOUT_RECIPIENT("a blob transaction cannot create a contract"),
  BLOB_TRANSACTION_WITHOUT_BLOBS("a blob transaction needs at least one blob versioned hash"),
  TOO_MANY_BLOBS("more blobs than a Cancun block can hold (6)"),
  INVALID_BLOB_VERSIONED_HASH("blob versioned hashes must be 32 bytes with version 0x01"),
  INVALID_V("v is not valid for the transaction type"),
  INVALID_SIGNATURE("r and s must be in [1, n-1] with s at most n/2"),
  SENDER_NOT_RECOVERABLE("no sender can be recovered from the signature");

  private final String description;

  TransactionInvalidReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
