package io.citrate.vm.api;

import io.citrate.core.api.Hash;
import java.util.Objects;

/**
 * A transaction a block accepted from its mergeset that no longer fits the state (its nonce used, its balance
 * gone): it is skipped, not failed, and changes nothing.
 *
 * @param transactionHash the skipped transaction
 * @param reason why it did not fit
 * @param detail the values that made it not fit
 */
public record SkippedTransaction(Hash transactionHash, TransactionRejectionReason reason, String detail) {
  public SkippedTransaction {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
