package io.citrate.node.internal.execution;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What decides a block's acceptance, known before its header is finished: a producer fills the header from
 * the result, a validator recomputes it from the header and compares.
 *
 * @param selectedParent whose state the acceptance starts from
 * @param mergesetInOrder the merged blocks without the selected parent, in execution order
 * @param blueMerged those of them that are blue, and so earn a reward
 * @param producer the block's producer: coinbase of its own transactions and recipient of its reward
 * @param timestampMillis the block's timestamp
 * @param gasLimit the budget of the block's own transactions
 * @param prevRandao what PREVRANDAO returns: the Keccak-256 of the block's VRF proof
 * @param transactions the block's own transactions, run after the merged ones
 */
public record AcceptanceInputs(Hash selectedParent, List<Hash> mergesetInOrder, Set<Hash> blueMerged,
    Address producer, long timestampMillis, long gasLimit, Hash prevRandao, List<Transaction> transactions) {
  public AcceptanceInputs {
    Objects.requireNonNull(selectedParent, "selectedParent");
    mergesetInOrder = List.copyOf(mergesetInOrder);
    blueMerged = Set.copyOf(blueMerged);
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(prevRandao, "prevRandao");
    transactions = List.copyOf(transactions);
  }
}
