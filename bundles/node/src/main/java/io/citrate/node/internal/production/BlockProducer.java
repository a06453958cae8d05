package io.citrate.node.internal.production;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.internal.chain.ValidatorKeys;
import io.citrate.node.internal.execution.Acceptance;
import io.citrate.node.internal.execution.AcceptanceExecutor;
import io.citrate.node.internal.execution.AcceptanceInputs;
import io.citrate.node.internal.execution.AcceptanceRecord;
import io.citrate.node.internal.execution.ChainExecution;
import io.citrate.node.internal.execution.OwnTransactionRejectedException;
import io.citrate.node.internal.execution.TransactionsRoot;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.txpool.api.TransactionPool;
import io.citrate.vm.api.PrecompileUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Builds and signs this validator's blocks. Parents are the tips with the most blue work, as many
 * as the DAG rules allow; the block's slot is the current time's, proved with the validator's VRF key; its
 * transactions are the pool's best, executed after the merged blocks' exactly as validation will execute
 * them, so the header commits to what every node computes. A pool transaction that no longer fits is left
 * out and the block built again.
 */
public final class BlockProducer {
  /** Rebuilds with the misfits left out before giving up on the pool's transactions for this block. */
  private static final int MAX_ATTEMPTS = 4;

  private final ChainSpec spec;
  private final Consensus consensus;
  private final TransactionPool pool;
  private final ChainExecution execution;
  private final KeyValueStoreReader store;
  private final ValidatorKeys keys;
  private final LongSupplier clockMillis;
  private final int maxTransactions;

  public BlockProducer(ChainSpec spec, Consensus consensus, TransactionPool pool, ChainExecution execution,
      KeyValueStoreReader store, ValidatorKeys keys, LongSupplier clockMillis, int maxTransactions) {
    this.spec = spec;
    this.consensus = consensus;
    this.pool = pool;
    this.execution = execution;
    this.store = store;
    this.keys = keys;
    this.clockMillis = clockMillis;
    this.maxTransactions = maxTransactions;
  }

  /** The address this producer signs as. */
  public Address validator() {
    return keys.address();
  }

  /**
   * Builds one block on the current tips, or none when this validator did not win the current slot.
   *
   * @throws IllegalStateException when no block can be built here: the DAG or the precompile schedule is in a
   *     state this node cannot build on
   */
  public synchronized Optional<BlockImport.Arrival> build() {
    List<Hash> parents = new ArrayList<>(chooseParents());
    GhostdagData data = ghostdagTrimming(parents);
    Hash selectedParent = data.selectedParent();
    AcceptanceRecord parentRecord = AcceptanceExecutor.record(store, selectedParent);
    long timestamp = Math.max(clockMillis.getAsLong(), parentRecord.timestamp());
    SlotTicket ticket;
    try {
      ticket = consensus.slotInput(selectedParent, timestamp).prove(keys.vrf());
    } catch (BlockRejectedException e) {
      throw new IllegalStateException("no valid slot at " + timestamp + ": " + e.violation().message(), e);
    }
    Optional<RuleViolation> verdict = consensus.proposerVerdict(keys.address(), selectedParent, ticket);
    if (verdict.isPresent()) {
      return Optional.empty();
    }
    byte[] proof = ticket.proof().toBytes();
    List<Hash> mergeset = consensus.mergesetInExecutionOrder(data);
    Set<Hash> blueMerged = new HashSet<>(data.mergesetBlues());
    blueMerged.remove(selectedParent);

    List<Transaction> transactions = new ArrayList<>(pool.selectForBlock(spec.gasLimit(), maxTransactions));
    Acceptance acceptance = null;
    for (int attempt = 1; acceptance == null; attempt++) {
      AcceptanceInputs inputs = new AcceptanceInputs(selectedParent, mergeset, blueMerged, keys.address(), timestamp,
          spec.gasLimit(), ChainExecution.prevRandao(proof), transactions);
      try {
        acceptance = execution.executor().execute(store, inputs);
      } catch (OwnTransactionRejectedException misfit) {
        transactions = attempt < MAX_ATTEMPTS ? withoutSenderFrom(transactions, misfit.transaction()) : List.of();
      } catch (PrecompileUnavailableException e) {
        throw new IllegalStateException("cannot execute a block at this height: " + e.getMessage(), e);
      }
    }
    AcceptanceRecord record = acceptance.record();
    BlockHeader header = BlockHeader.builder()
        .parents(parents)
        .timestamp(timestamp)
        .blueScore(data.blueScore())
        .blueWork(data.blueWork())
        .stateRoot(record.stateRoot())
        .transactionsRoot(TransactionsRoot.of(transactions))
        .receiptsRoot(acceptance.receiptsRoot())
        .logsBloom(acceptance.logsBloom())
        .gasLimit(spec.gasLimit())
        .gasUsed(record.ownGasUsed())
        .baseFeePerGas(record.baseFee())
        .producer(keys.address())
        .vrfProof(proof)
        .build()
        .sign(keys.signing().privateKey());
    return Optional.of(new BlockImport.Arrival(header, transactions, Optional.of(acceptance)));
  }

  /** The tips with the most blue work first, as many as a header may name. */
  private List<Hash> chooseParents() {
    List<Hash> tips = new ArrayList<>(consensus.tips());
    tips.sort(Comparator.comparing((Hash tip) -> consensus.ghostdagData(tip).orElseThrow().blueWork())
        .thenComparing(Comparator.naturalOrder()).reversed());
    return tips.subList(0, Math.min(tips.size(), spec.consensus().maxBlockParents()));
  }

  /**
   * The GHOSTDAG data of a block on {@code parents}, dropping the parents with the least blue work while the
   * set breaks a rule (a mergeset over its limit, or a parent already in another's past); sorts the survivors
   * in place into header order.
   */
  private GhostdagData ghostdagTrimming(List<Hash> parents) {
    while (true) {
      parents.sort(Comparator.naturalOrder());
      try {
        return consensus.ghostdagFor(parents);
      } catch (BlockRejectedException e) {
        if (parents.size() == 1) {
          throw new IllegalStateException("no block can be built on tip " + parents.get(0) + ": "
              + e.violation().message(), e);
        }
        parents.remove(parents.stream()
            .min(Comparator.comparing((Hash parent) -> consensus.ghostdagData(parent).orElseThrow().blueWork())
                .thenComparing(Comparator.naturalOrder()))
            .orElseThrow());
      }
    }
  }

  /** {@code transactions} without the misfit and its sender's later ones, which depend on its nonce. */
  private static List<Transaction> withoutSenderFrom(List<Transaction> transactions, Hash misfit) {
    List<Transaction> kept = new ArrayList<>(transactions.size());
    Optional<Transaction> dropped = transactions.stream().filter(t -> t.hash().equals(misfit)).findFirst();
    for (Transaction transaction : transactions) {
      boolean sameSenderLater = dropped.isPresent() && transaction.sender().equals(dropped.get().sender())
          && Long.compareUnsigned(transaction.nonce(), dropped.get().nonce()) >= 0;
      if (!sameSenderLater) {
        kept.add(transaction);
      }
    }
    return kept;
  }
}
