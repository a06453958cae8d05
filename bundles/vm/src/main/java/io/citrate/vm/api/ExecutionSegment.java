package io.citrate.vm.api;

import io.citrate.core.api.tx.Transaction;
import java.util.List;
import java.util.Objects;

/**
 * The transactions of one DAG block within what a chain block accepts, run under that block's environment:
 * its producer as coinbase, its gas limit as the budget of these transactions alone.
 */
public record ExecutionSegment(BlockEnvironment environment, List<Transaction> transactions) {
  public ExecutionSegment {
    Objects.requireNonNull(environment, "environment");
    transactions = List.copyOf(transactions);
  }
}
