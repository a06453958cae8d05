package io.citrate.vm.api;

/** Why a well-formed transaction cannot be executed against a state: it is left out, changing nothing. */
public enum TransactionRejectionReason {
  WRONG_CHAIN_ID("signed for another chain"),
  TRANSACTION_TYPE_NOT_SUPPORTED("the transaction type is not active in this fork"),
  NONCE_TOO_LOW("nonce below the sender's account nonce"),
  NONCE_TOO_HIGH("nonce above the sender's account nonce"),
  NONCE_OVERFLOW("the sender's nonce is at its maximum (EIP-2681)"),
  SENDER_NOT_EOA("the sender has code (EIP-3607)"),
  GAS_LIMIT_ABOVE_BLOCK_GAS_LEFT("gas limit exceeds the gas left in the block"),
  BLOB_GAS_ABOVE_BLOCK_BLOB_GAS_LEFT("blob gas exceeds the blob gas left in the block (EIP-4844)"),
  FEE_CAP_BELOW_BASE_FEE("max fee per gas is below the block's base fee"),
  BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE("max fee per blob gas is below the block's blob base fee"),
  INSUFFICIENT_FUNDS("balance does not cover gas limit times fee cap, blob gas and value");

  private final String description;

  TransactionRejectionReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
