package io.citrate.node.api;

import io.citrate.core.api.Hash;
import io.citrate.vm.api.TransactionReceipt;
import java.util.List;
import java.util.Objects;

/**
 * What a block accepted, as logs need it: the transactions' hashes and receipts, without the transactions
 * themselves, so reading the logs of many blocks decodes no transaction and recovers no sender.
 *
 * @param block the accepting block
 * @param number its Ethereum block number
 * @param transactions the hashes of what it executed, in order
 * @param receipts their receipts, in the same order
 */
public record BlockReceipts(Hash block, long number, List<Hash> transactions, List<TransactionReceipt> receipts) {
  public BlockReceipts {
    Objects.requireNonNull(block, "block");
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    if (transactions.size() != receipts.size()) {
      throw new IllegalArgumentException(transactions.size() + " transactions but " + receipts.size() + " receipts");
    }
  }
}
