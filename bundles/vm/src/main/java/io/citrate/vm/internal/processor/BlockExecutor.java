package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.BlockPayouts;
import io.citrate.vm.api.ExecutionSegment;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.SkippedTransaction;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.TrieWorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    return execute(state, List.of(new ExecutionSegment(block, transactions)), BlockPayouts.NONE);
  }

  /**
   * Runs each segment's transactions under its own environment, each segment's gas counted against its own gas
   * limit and blob gas against its own blob limit, then pays {@code payouts}: rewards in address order, then the
   * base fees of every executed transaction to their recipient unless they are burnt. Receipts count gas across
   * all segments.
   */
  public BlockExecutionResult execute(TrieWorldState state, List<ExecutionSegment> segments, BlockPayouts payouts) {
    SegmentsRun run = new SegmentsRun();
    run.execute(state, segments, null, null);
    Map<Address, Wei> credits = new TreeMap<>(payouts.rewards());
    if (payouts.baseFeeRecipient().isPresent()) {
      credits.merge(payouts.baseFeeRecipient().get(), run.baseFees, Wei::add);
    }
    JournaledState credited = new JournaledState(state);
    credits.forEach((address, amount) -> {
      if (!amount.isZero()) {
        credited.addBalance(address, amount);
      }
    });
    credited.commitTo(state);
    state.commit();
    return new BlockExecutionResult(state.rootHash(), Receipts.root(run.receipts), Receipts.bloom(run.receipts),
        run.receipts, run.skipped, run.totalGasUsed, run.totalBlobGasUsed);
  }

  /**
   * Runs the segments as {@link #execute(TrieWorldState, List, BlockPayouts)} does up to and including
   * {@code transaction}, which alone runs under {@code tracer}, and stops there: no payouts, nothing committed.
   *
   * @return its receipt, gas counted across the segments; empty when the segments do not execute it
   */
  public Optional<TransactionReceipt> trace(TrieWorldState state, List<ExecutionSegment> segments, Hash transaction,
      ExecutionTracer tracer) {
    SegmentsRun run = new SegmentsRun();
    run.execute(state, segments, transaction, tracer);
    return Optional.ofNullable(run.tracedReceipt);
  }

  /** The transaction loop both a block's execution and a traced replay of it run, so the two cannot drift apart. */
  private final class SegmentsRun {
    private Wei baseFees = Wei.ZERO;
    private final List<TransactionReceipt> receipts = new ArrayList<>();
    private final List<SkippedTransaction> skipped = new ArrayList<>();
    private long totalGasUsed;
    private long totalBlobGasUsed;
    private TransactionReceipt tracedReceipt;

    /** Runs every segment; with a {@code traced} transaction, stops once it has run under {@code tracer}. */
    private void execute(TrieWorldState state, List<ExecutionSegment> segments, Hash traced, ExecutionTracer tracer) {
      for (ExecutionSegment segment : segments) {
        long gasUsed = 0;
        long blobGasUsed = 0;
        for (Transaction transaction : segment.transactions()) {
          boolean isTraced = traced != null && traced.equals(transaction.hash());
          if (transaction.blobGas() > MAX_BLOB_GAS_PER_BLOCK - blobGasUsed) {
            skipped.add(new SkippedTransaction(transaction.hash(),
                TransactionRejectionReason.BLOB_GAS_ABOVE_BLOCK_BLOB_GAS_LEFT,
                transaction.blobGas() + " > " + (MAX_BLOB_GAS_PER_BLOCK - blobGasUsed)));
            if (isTraced) {
              return;
            }
            continue;
          }
          TransactionOutcome outcome = transactionExecutor.execute(state, segment.environment(), transaction, gasUsed,
              isTraced ? tracer : null);
          if (outcome instanceof TransactionOutcome.Rejected rejected) {
            skipped.add(new SkippedTransaction(transaction.hash(), rejected.reason(), rejected.detail()));
          } else {
            TransactionReceipt receipt = ((TransactionOutcome.Executed) outcome).receipt();
            gasUsed = receipt.cumulativeGasUsed();
            blobGasUsed += transaction.blobGas();
            receipts.add(totalGasUsed == 0 ? receipt : new TransactionReceipt(receipt.type(), receipt.success(),
                receipt.gasUsed(), totalGasUsed + gasUsed, receipt.logs(), receipt.logsBloom()));
            if (isTraced) {
              tracedReceipt = receipts.get(receipts.size() - 1);
            }
          }
          if (isTraced) {
            return;
          }
        }
        totalGasUsed += gasUsed;
        totalBlobGasUsed += blobGasUsed;
        baseFees = baseFees.add(segment.environment().baseFee().multiply(gasUsed));
      }
    }
  }
}
