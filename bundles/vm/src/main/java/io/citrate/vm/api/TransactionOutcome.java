package io.citrate.vm.api;

import java.util.Objects;

/** The result of offering a transaction to a state: executed with a receipt, or rejected with a reason. */
public sealed interface TransactionOutcome {
  /** Executed and paid for, successfully or not; the state changed. */
  record Executed(TransactionReceipt receipt) implements TransactionOutcome {
    public Executed {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /** Not executable against this state; nothing changed. */
  record Rejected(TransactionRejectionReason reason, String detail) implements TransactionOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
