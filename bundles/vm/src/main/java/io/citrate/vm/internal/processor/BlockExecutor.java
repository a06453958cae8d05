package io.citrate.vm.internal.processor;

import io.citrate.core.api.tx.Transaction;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.SkippedTransaction;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import io.citrate.vm.internal.state.TrieWorldState;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes the transactions a chain block accepted, in GHOSTDAG order (DESIGN.md, "Execution on a DAG"). A
 * transaction that no longer fits the state or the block's remaining gas is skipped and reported, not failed; the
 * others run one after another on the same state, whose nodes are then committed to its store.
 */
public final class BlockExecutor {
  /** Cancun's blob gas limit per block: six blobs (EIP-4844). */
  public static final long MAX_BLOB_GAS_PER_BLOCK = 6 * Transaction.GAS_PER_BLOB;

  private final TransactionExecutor transactionExecutor;

  public BlockExecutor(TransactionExecutor transactionExecutor) {
    this.transactionExecutor = transactionExecutor;
  }

  public BlockExecutionResult execute(TrieWorldState state, BlockEnvironment block, List<Transaction> transactions) {
    List<TransactionReceipt> receipts = new ArrayList<>();
    List<SkippedTransaction> skipped = new ArrayList<>();
    long gasUsed = 0;
    long blobGasUsed = 0;
    for (Transaction transaction : transactions) {
      if (transaction.blobGas() > MAX_BLOB_GAS_PER_BLOCK - blobGasUsed) {
        skipped.add(new SkippedTransaction(transaction.hash(),
            TransactionRejectionReason.BLOB_GAS_ABOVE_BLOCK_BLOB_GAS_LEFT,
            transaction.blobGas() + " > " + (MAX_BLOB_GAS_PER_BLOCK - blobGasUsed)));
        continue;
      }
      TransactionOutcome outcome = transactionExecutor.execute(state, block, transaction, gasUsed);
      if (outcome instanceof TransactionOutcome.Rejected rejected) {
        skipped.add(new SkippedTransaction(transaction.hash(), rejected.reason(), rejected.detail()));
      } else {
        TransactionReceipt receipt = ((TransactionOutcome.Executed) outcome).receipt();
        receipts.add(receipt);
        gasUsed = receipt.cumulativeGasUsed();
        blobGasUsed += transaction.blobGas();
      }
    }
    state.commit();
    return new BlockExecutionResult(state.rootHash(), Receipts.root(receipts), Receipts.bloom(receipts), receipts,
        skipped, gasUsed, blobGasUsed);
  }
}
