package io.citrate.node.internal.execution;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.api.RewardSchedule;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.BlockPayouts;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.ExecutionSegment;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.api.SkippedTransaction;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Computes what a block accepts (DESIGN.md, "Execution on a DAG"): starting from its selected parent's state,
 * the transactions of each merged block in GHOSTDAG order, under that block's producer and gas budget, then
 * its own; a merged transaction that no longer fits is skipped and reported, while one of the block's own
 * that does not fit makes the block invalid, because its producer saw the same state. Every transaction pays
 * the base fee the selected parent's gas use sets. Then every blue block accepted, the block itself included,
 * earns the reward of the block's number, less the treasury's share.
 */
public final class AcceptanceExecutor {
  private final ChainSpec spec;
  private final BlockProcessor vm;

  public AcceptanceExecutor(ChainSpec spec, BlockProcessor vm) {
    this.spec = spec;
    this.vm = vm;
  }

  /** The base fee of a block whose selected parent is recorded as {@code selectedParent}. */
  public Wei baseFeeAfter(AcceptanceRecord selectedParent) {
    return spec.fees().nextBaseFee(selectedParent.baseFee(), selectedParent.ownGasUsed(),
        selectedParent.gasLimit());
  }

  /**
   * Executes {@code inputs} on the state {@code committed} holds. The block's own transactions are recorded as
   * included in {@link AcceptanceRecord#SELF}: their block's hash is not known until its header is finished.
   *
   * @throws OwnTransactionRejectedException when one of the block's own transactions does not fit
   * @throws PrecompileUnavailableException when a scheduled precompile implementation is missing: this node
   *     cannot execute the block now, which says nothing about the block
   */
  public Acceptance execute(KeyValueStoreReader committed, AcceptanceInputs inputs)
      throws OwnTransactionRejectedException, PrecompileUnavailableException {
    Hash block = AcceptanceRecord.SELF;
    Plan plan = plan(committed, inputs);
    WriteBatch stateWrites = new WriteBatch();
    BlockExecutionResult result = vm.execute(committed, plan.parent().stateRoot(), plan.segments(),
        payouts(plan.earners(), plan.number()), stateWrites);

    Map<Hash, SkippedTransaction> skippedByHash = new HashMap<>();
    for (SkippedTransaction skip : result.skipped()) {
      skippedByHash.put(skip.transactionHash(), skip);
    }
    List<AcceptanceRecord.Entry> accepted = new ArrayList<>(result.receipts().size());
    for (AcceptanceRecord.Entry candidate : plan.candidates()) {
      SkippedTransaction skip = skippedByHash.get(candidate.transaction());
      if (skip == null) {
        accepted.add(candidate);
      } else if (candidate.includedIn().equals(block)) {
        throw new OwnTransactionRejectedException(candidate.transaction(),
            skip.reason().description() + " (" + skip.detail() + ")");
      }
    }
    List<TransactionReceipt> receipts = result.receipts();
    long ownGasUsed = 0;
    for (int i = 0; i < accepted.size(); i++) {
      if (accepted.get(i).includedIn().equals(block)) {
        ownGasUsed += receipts.get(i).gasUsed();
      }
    }
    List<SkippedTransaction> skipped = new ArrayList<>(result.skipped());
    skipped.addAll(plan.duplicates());
    AcceptanceRecord record = new AcceptanceRecord(plan.number(), inputs.selectedParent(), inputs.timestampMillis(),
        inputs.producer(), result.stateRoot(), inputs.gasLimit(), ownGasUsed, plan.baseFee(), accepted, receipts,
        skipped);
    return new Acceptance(inputs, record, result.receiptsRoot(), result.logsBloom(), stateWrites);
  }

  /**
   * Re-runs the acceptance of {@code inputs}, as {@link #execute} ran it, up to and including {@code transaction},
   * which alone runs under {@code tracer}. Nothing is written: the replayed state is dropped.
   *
   * @return the transaction's receipt; empty when the acceptance does not execute it
   * @throws OwnTransactionRejectedException when the block's own transactions repeat one it merged, which a valid
   *     block never does
   * @throws PrecompileUnavailableException as {@link #execute} does
   */
  public Optional<TransactionReceipt> trace(KeyValueStoreReader committed, AcceptanceInputs inputs, Hash transaction,
      ExecutionTracer tracer) throws OwnTransactionRejectedException, PrecompileUnavailableException {
    Plan plan = plan(committed, inputs);
    return vm.traceTransaction(committed, plan.parent().stateRoot(), plan.segments(), transaction, tracer);
  }

  /**
   * What an acceptance runs, in order: one segment per merged block in GHOSTDAG order, each under its producer and
   * gas limit, without the transactions an earlier merged block already carried, then the block's own.
   */
  private Plan plan(KeyValueStoreReader committed, AcceptanceInputs inputs) throws OwnTransactionRejectedException {
    Hash block = AcceptanceRecord.SELF;
    AcceptanceRecord parent = record(committed, inputs.selectedParent());
    long number = parent.number() + 1;
    Wei baseFee = baseFeeAfter(parent);
    LongFunction<Hash> blockHashes = chainHashes(committed, inputs.selectedParent(), parent.number());

    List<ExecutionSegment> segments = new ArrayList<>();
    List<AcceptanceRecord.Entry> candidates = new ArrayList<>();
    List<SkippedTransaction> duplicates = new ArrayList<>();
    Set<Hash> seen = new HashSet<>();
    List<Address> earners = new ArrayList<>();
    earners.add(inputs.producer());
    for (Hash merged : inputs.mergesetInOrder()) {
      AcceptanceRecord mergedRecord = record(committed, merged);
      if (inputs.blueMerged().contains(merged)) {
        earners.add(mergedRecord.producer());
      }
      List<Transaction> body = ChainStore.body(committed, merged)
          .orElseThrow(() -> new IllegalStateException("no body stored for valid block " + merged));
      List<Transaction> runnable = new ArrayList<>(body.size());
      for (int i = 0; i < body.size(); i++) {
        Transaction transaction = body.get(i);
        // A transaction two merged blocks both carry runs once; its second copy is a used nonce.
        if (seen.add(transaction.hash())) {
          runnable.add(transaction);
          candidates.add(new AcceptanceRecord.Entry(transaction.hash(), merged, i));
        } else {
          duplicates.add(new SkippedTransaction(transaction.hash(), TransactionRejectionReason.NONCE_TOO_LOW,
              "already accepted from an earlier block of the mergeset"));
        }
      }
      segments.add(new ExecutionSegment(environment(spec, mergedRecord.producer(), number, inputs.timestampMillis(),
          mergedRecord.gasLimit(), baseFee, inputs.prevRandao(), blockHashes), runnable));
    }
    for (int i = 0; i < inputs.transactions().size(); i++) {
      Transaction transaction = inputs.transactions().get(i);
      if (!seen.add(transaction.hash())) {
        throw new OwnTransactionRejectedException(transaction.hash(),
            "already accepted from the block's mergeset, or repeated in the block");
      }
      candidates.add(new AcceptanceRecord.Entry(transaction.hash(), block, i));
    }
    segments.add(new ExecutionSegment(environment(spec, inputs.producer(), number, inputs.timestampMillis(),
        inputs.gasLimit(), baseFee, inputs.prevRandao(), blockHashes), inputs.transactions()));
    return new Plan(parent, number, baseFee, segments, candidates, duplicates, earners);
  }

  /**
   * An acceptance laid out before it runs.
   *
   * @param parent the selected parent's record, whose state it starts from
   * @param number the accepting block's number
   * @param baseFee what every transaction pays
   * @param segments what runs, in order
   * @param candidates every transaction that runs, where its body carries it
   * @param duplicates second copies of merged transactions, skipped without running
   * @param earners the producers of the block and of its blue merged blocks
   */
  private record Plan(AcceptanceRecord parent, long number, Wei baseFee, List<ExecutionSegment> segments,
      List<AcceptanceRecord.Entry> candidates, List<SkippedTransaction> duplicates, List<Address> earners) {}

  /** What a transaction of block {@code number} sees of it; the EVM counts time in seconds. */
  static BlockEnvironment environment(ChainSpec spec, Address coinbase, long number, long timestampMillis,
      long gasLimit, Wei baseFee, Hash prevRandao, LongFunction<Hash> blockHashes) {
    return new BlockEnvironment(coinbase, number, timestampMillis / 1_000, gasLimit, baseFee, prevRandao, 0,
        spec.chainId(), blockHashes);
  }

  /**
   * One reward per blue block accepted, to its producer ({@code earners}: the block's, then its blue merged
   * blocks'), each less the treasury's share.
   */
  private BlockPayouts payouts(List<Address> earners, long number) {
    RewardSchedule schedule = spec.rewards();
    Wei reward = schedule.rewardAt(number);
    Map<Address, Wei> rewards = new HashMap<>();
    Wei treasuryShare = schedule.treasuryShare(reward);
    for (Address earner : earners) {
      rewards.merge(earner, reward.subtract(treasuryShare), Wei::add);
      rewards.merge(schedule.treasury(), treasuryShare, Wei::add);
    }
    Optional<Address> baseFeeRecipient =
        spec.fees().burnBaseFee() ? Optional.empty() : Optional.of(schedule.treasury());
    return new BlockPayouts(rewards, baseFeeRecipient);
  }

  /** BLOCKHASH: the chain blocks below {@code number} on the selected parent's chain, found when asked. */
  static LongFunction<Hash> chainHashes(KeyValueStoreReader committed, Hash selectedParent,
      long selectedParentNumber) {
    return requested -> {
      if (requested > selectedParentNumber || requested < 0) {
        return Hash.ZERO;
      }
      Hash current = selectedParent;
      for (long number = selectedParentNumber; number > requested; number--) {
        current = record(committed, current).selectedParent();
      }
      return current;
    };
  }

  public static AcceptanceRecord record(KeyValueStoreReader committed, Hash block) {
    return ChainStore.acceptance(committed, block)
        .orElseThrow(() -> new IllegalStateException("no execution record for valid block " + block));
  }
}
