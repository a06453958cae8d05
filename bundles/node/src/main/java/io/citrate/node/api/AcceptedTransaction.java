package io.citrate.node.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import io.citrate.vm.api.TransactionReceipt;
import java.util.Objects;

/**
 * A transaction as a block accepted it: to Ethereum clients, a transaction of that block.
 *
 * @param transaction the signed transaction
 * @param includedIn the DAG block whose body carries it: the accepting block itself, or one it merged
 * @param index its position among everything the accepting block accepted
 * @param receipt what executing it produced, gas counted across the accepting block
 */
public record AcceptedTransaction(Transaction transaction, Hash includedIn, int index, TransactionReceipt receipt) {
  public AcceptedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(includedIn, "includedIn");
    Objects.requireNonNull(receipt, "receipt");
  }
}
