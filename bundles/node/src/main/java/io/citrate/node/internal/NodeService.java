package io.citrate.node.internal;

import com.codahale.metrics.MetricRegistry;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.ChainChange;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ValidatedBlock;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.BlockReceipts;
import io.citrate.node.api.ChainHead;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.api.Node;
import io.citrate.node.api.NodeStatus;
import io.citrate.node.api.TransactionLocation;
import io.citrate.node.internal.execution.AcceptanceInputs;
import io.citrate.node.internal.execution.AcceptanceRecord;
import io.citrate.node.internal.execution.ChainExecution;
import io.citrate.node.internal.execution.ChainStore;
import io.citrate.node.internal.execution.HeadState;
import io.citrate.node.internal.execution.OwnTransactionRejectedException;
import io.citrate.node.internal.execution.StateQueries;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.node.internal.production.BlockProducer;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.TransactionPool;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.AccountSnapshot;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.api.TransactionReceipt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Node}: the steps the node's routes call (admit a transaction, build a block, act on a commit)
 * and the Ethereum view of the selected chain. Holds no route logic itself: blocks go to import and events go
 * out through the functions it is given, which the routes provide.
 */
public final class NodeService implements Node {
  private static final Logger LOG = LoggerFactory.getLogger(NodeService.class);

  private final ChainSpec spec;
  private final Consensus consensus;
  private final TransactionPool pool;
  private final KeyValueStore store;
  private final ChainExecution execution;
  private final HeadState head;
  private final Optional<BlockProducer> producer;
  private final ProductionSettings production;
  private final NodeMetrics metrics;
  private final StateQueries state;
  private final AtomicLong blocksProduced = new AtomicLong();
  private volatile Function<BlockImport.Arrival, List<BlockOutcome>> blockIngress;
  private volatile Function<byte[], Admission> transactionIngress;
  private volatile Consumer<ChainEvent> events;

  public NodeService(ChainSpec spec, Consensus consensus, TransactionPool pool, KeyValueStore store,
      ChainExecution execution, HeadState head, Optional<BlockProducer> producer, ProductionSettings production, MetricRegistry metrics) {
    this.spec = spec;
    this.consensus = consensus;
    this.pool = pool;
    this.store = store;
    this.execution = execution;
    this.head = head;
    this.producer = producer;
    this.production = production;
    this.metrics = new NodeMetrics(metrics, this::poolSize, () -> head.head().record().number());
    this.state = new StateQueries(spec, execution.vm(), store);
  }

  /** Connects the node to its routes: where blocks go for import, transactions for admission, and events. */
  public void connect(Function<BlockImport.Arrival, List<BlockOutcome>> blockIngress,
      Function<byte[], Admission> transactionIngress, Consumer<ChainEvent> events) {
    this.blockIngress = blockIngress;
    this.transactionIngress = transactionIngress;
    this.events = events;
  }

  /** Disconnects the routes, which are stopping. */
  public void disconnect() {
    this.blockIngress = null;
    this.transactionIngress = null;
    this.events = null;
  }

  public ProductionSettings production() {
    return production;
  }

  public boolean isValidator() {
    return producer.isPresent();
  }

  @Override
  public Admission submitTransaction(byte[] encoded) {
    return connected(transactionIngress).apply(encoded);
  }

  private static <T> T connected(T route) {
    if (route == null) {
      throw new IllegalStateException("the node's routes are not running");
    }
    return route;
  }

  /**
   * Transaction ingress: offers {@code encoded} to the pool and journals what it takes before acknowledging it,
   * so a crash loses no acknowledged transaction; in per-transaction production, a block follows at once.
   */
  public Admission admit(byte[] encoded) {
    Admission admission = pool.addEncoded(encoded);
    if (admission instanceof Admission.Rejected rejected) {
      LOG.debug("Transaction refused: {}", rejected);
      return admission;
    }
    WriteBatch journal = new WriteBatch();
    pool.get(admission.hash()).ifPresent(transaction -> ChainStore.stagePendingTransaction(journal, transaction));
    if (admission instanceof Admission.Replaced replaced) {
      ChainStore.stagePendingTransactionRemoval(journal, replaced.replaced());
    }
    store.commit(journal);
    publish(new ChainEvent.TransactionPending(admission.hash()));
    if (production.mode() == ProductionSettings.Mode.PER_TRANSACTION && producer.isPresent()) {
      produceBlock();
    }
    return admission;
  }

  /**
   * Refills the pool from the journal after a start: what the pool takes again waits for a block, what it refuses
   * (accepted meanwhile, or no longer valid) leaves the journal.
   *
   * @return how many transactions the pool took back
   */
  public int restorePendingTransactions() {
    int restored = 0;
    WriteBatch stale = new WriteBatch();
    for (byte[] encoded : ChainStore.pendingTransactions(store)) {
      Admission admission = pool.addEncoded(encoded);
      if (admission.isAccepted()) {
        restored++;
      } else if (admission.hash() != null) {
        ChainStore.stagePendingTransactionRemoval(stale, admission.hash());
      }
    }
    if (!stale.isEmpty()) {
      store.commit(stale);
    }
    return restored;
  }

  /** The production loop's step: a block when this validator wins the slot, else null, which the route drops. */
  public BlockImport.Arrival buildScheduled() {
    return producer.flatMap(BlockProducer::build).orElse(null);
  }

  @Override
  public synchronized Hash produceBlock() {
    BlockProducer validator = producer.orElseThrow(() ->
        new IllegalStateException("this node has no validator key (validator.key in etc/io.citrate.node.cfg)"));
    BlockImport.Arrival block = validator.build().orElseThrow(() ->
        new IllegalStateException("this validator did not win the current slot; try again in the next one"));
    List<BlockOutcome> outcomes = connected(blockIngress).apply(block);
    BlockOutcome own = outcomes.get(0);
    if (!(own instanceof BlockOutcome.Accepted)) {
      throw new IllegalStateException("the produced block was not accepted: " + own);
    }
    return block.header().hash();
  }

  /**
   * After a block's import: every accepted block is announced; when the selected chain moved, the head follows
   * it, the pool drops what the chain now accepts and takes back what left it, and the move is announced.
   */
  public void committed(List<BlockOutcome> outcomes) {
    for (BlockOutcome outcome : outcomes) {
      if (outcome instanceof BlockOutcome.Accepted accepted) {
        onAccepted(accepted);
      } else if (outcome instanceof BlockOutcome.Rejected rejected) {
        metrics.blockRejected();
        LOG.warn("Block {} rejected: {}", rejected.block(), rejected.violation().message());
      }
    }
  }

  private void onAccepted(BlockOutcome.Accepted accepted) {
    BlockHeader header = consensus.header(accepted.block()).orElseThrow();
    if (header.producer().equals(producer.map(p -> p.validator()).orElse(null))) {
      blocksProduced.incrementAndGet();
    }
    ChainChange change = accepted.chainChange();
    publish(new ChainEvent.BlockCommitted(accepted.block()));
    if (change.added().isEmpty()) {
      return;
    }
    Hash newHead = change.added().get(change.added().size() - 1);
    head.moveTo(newHead);
    List<Transaction> acceptedTransactions = new ArrayList<>();
    for (Hash block : change.added()) {
      acceptedTransactions.addAll(acceptedTransactionsOf(block));
    }
    List<Transaction> reinjected = new ArrayList<>();
    if (change.isReorganisation()) {
      Set<Hash> stillAccepted = new HashSet<>();
      acceptedTransactions.forEach(transaction -> stillAccepted.add(transaction.hash()));
      for (Hash block : change.removed()) {
        for (Transaction transaction : acceptedTransactionsOf(block)) {
          if (!stillAccepted.contains(transaction.hash())) {
            reinjected.add(transaction);
          }
        }
      }
    }
    pool.headChanged(acceptedTransactions, reinjected);
    AcceptanceRecord record = head.head().record();
    metrics.chainBlockCommitted(record.timestamp(), acceptedTransactions.size());
    if (change.isReorganisation()) {
      LOG.info("Head #{} {}: reorganisation, {} chain blocks left, {} joined, {} transactions taken back",
          record.number(), newHead, change.removed().size(), change.added().size(), reinjected.size());
    } else {
      LOG.info("Head #{} {}: {} transactions, {} skipped, gas {}", record.number(), newHead,
          record.accepted().size(), record.skipped().size(), record.gasUsed());
    }
    publish(new ChainEvent.HeadChanged(change.removed(), change.added(), newHead, record.number()));
  }

  /** Announces {@code event}; an events queue that is full or stopping loses it, never the commit behind it. */
  private void publish(ChainEvent event) {
    Consumer<ChainEvent> sink = events;
    if (sink == null) {
      return;
    }
    try {
      sink.accept(event);
    } catch (RuntimeException full) {
      metrics.eventDropped();
      LOG.warn("Chain event {} dropped: {}", event, full.getMessage());
    }
  }

  private List<Transaction> acceptedTransactionsOf(Hash block) {
    AcceptanceRecord record = ChainStore.acceptance(store, block).orElseThrow();
    Map<Hash, List<Transaction>> bodies = new HashMap<>();
    List<Transaction> transactions = new ArrayList<>(record.accepted().size());
    for (AcceptanceRecord.Entry entry : record.accepted()) {
      transactions.add(transactionOf(block, entry, bodies));
    }
    return transactions;
  }

  /** The transaction {@code entry} names, each carrying block's body read (and decoded) once per call. */
  private Transaction transactionOf(Hash acceptingBlock, AcceptanceRecord.Entry entry,
      Map<Hash, List<Transaction>> bodies) {
    Hash carrier = entry.includedIn().equals(AcceptanceRecord.SELF) ? acceptingBlock : entry.includedIn();
    return bodies.computeIfAbsent(carrier, block -> execution.body(store, block)).get(entry.indexInBody());
  }

  @Override
  public ChainSpec chainSpec() {
    return spec;
  }

  @Override
  public ChainHead head() {
    HeadState.Head current = head.head();
    return new ChainHead(current.block(), current.record().number(), current.record().stateRoot());
  }

  @Override
  public NodeStatus status() {
    HeadState.Head current = head.head();
    return new NodeStatus(spec.name(), spec.chainId(), current.block(), current.record().number(),
        current.record().stateRoot(), head.baseFee(), consensus.tips().size(), consensus.finalityPoint(),
        producer.map(BlockProducer::validator), production.mode() != ProductionSettings.Mode.OFF && producer.isPresent(),
        production.mode() == ProductionSettings.Mode.INTERVAL ? production.intervalMillis() : 0,
        blocksProduced.get());
  }

  @Override
  public Optional<BlockAcceptance> chainBlock(long number) {
    return consensus.selectedChainBlockAt(number).flatMap(this::acceptance);
  }

  @Override
  public Optional<BlockReceipts> receipts(Hash block) {
    return ChainStore.acceptance(store, block).map(record -> new BlockReceipts(block, record.number(),
        record.accepted().stream().map(AcceptanceRecord.Entry::transaction).toList(), record.receipts()));
  }

  @Override
  public Optional<BlockAcceptance> acceptance(Hash block) {
    Optional<AcceptanceRecord> found = ChainStore.acceptance(store, block);
    Optional<BlockHeader> header = consensus.header(block);
    if (found.isEmpty() || header.isEmpty()) {
      return Optional.empty();
    }
    AcceptanceRecord record = found.get();
    Map<Hash, List<Transaction>> bodies = new HashMap<>();
    List<AcceptedTransaction> transactions = new ArrayList<>(record.accepted().size());
    for (int i = 0; i < record.accepted().size(); i++) {
      AcceptanceRecord.Entry entry = record.accepted().get(i);
      Hash carrier = entry.includedIn().equals(AcceptanceRecord.SELF) ? block : entry.includedIn();
      transactions.add(new AcceptedTransaction(transactionOf(block, entry, bodies), carrier, i,
          record.receipts().get(i)));
    }
    Hash selectedParent = header.get().isGenesis() ? Hash.ZERO
        : consensus.ghostdagData(block).orElseThrow().selectedParent();
    return Optional.of(new BlockAcceptance(header.get(), selectedParent, record.number(), transactions,
        record.skipped(), record.gasUsed()));
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transaction) {
    return ChainStore.indexEntry(store, transaction).map(entry -> new TransactionLocation(entry.chainBlock(),
        ChainStore.acceptance(store, entry.chainBlock()).orElseThrow().number(), entry.index()));
  }

  @Override
  public Optional<AccountSnapshot> account(Hash block, Address address) {
    return stateRootAfter(block).map(root -> state.account(root, address));
  }

  @Override
  public Optional<byte[]> code(Hash block, Address address) {
    return stateRootAfter(block).map(root -> state.code(root, address));
  }

  @Override
  public Optional<Hash> storage(Hash block, Address address, Hash slot) {
    return stateRootAfter(block).map(root -> state.storage(root, address, slot));
  }

  /**
   * The state after {@code block}: the head's without asking consensus (most reads are of latest), else the root
   * the block's header commits to, once consensus holds the block valid.
   */
  private Optional<Hash> stateRootAfter(Hash block) {
    HeadState.Head current = head.head();
    if (current.block().equals(block)) {
      return Optional.of(current.record().stateRoot());
    }
    return consensus.status(block).filter(BlockStatus.VALID::equals)
        .flatMap(valid -> consensus.header(block)).map(BlockHeader::stateRoot);
  }

  @Override
  public Optional<CallResult> call(Hash block, CallMessage message, Map<Address, AccountOverride> overrides) {
    return consensus.header(block).flatMap(header -> state.call(header, message, overrides));
  }

  @Override
  public long pendingNonce(Address sender) {
    return pool.nextNonce(sender);
  }

  @Override
  public Optional<AcceptedTransaction> traceTransaction(Hash transaction, ExecutionTracer tracer) {
    Optional<TransactionLocation> location = transactionLocation(transaction);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Hash chainBlock = location.get().chainBlock();
    AcceptedTransaction accepted = acceptance(chainBlock)
        .orElseThrow(() -> new IllegalStateException("no acceptance stored for chain block " + chainBlock))
        .transactions().get(location.get().index());
    TransactionReceipt replayed;
    try {
      replayed = execution.executor().trace(store, acceptanceInputs(chainBlock), transaction, tracer)
          .orElseThrow(() -> new IllegalStateException("replaying block " + chainBlock + " did not execute "
              + transaction));
    } catch (OwnTransactionRejectedException | PrecompileUnavailableException e) {
      throw new IllegalStateException("block " + chainBlock + " cannot be replayed here: " + e.getMessage(), e);
    }
    TransactionReceipt stored = accepted.receipt();
    if (replayed.gasUsed() != stored.gasUsed() || !Arrays.equals(replayed.encode(), stored.encode())) {
      throw new IllegalStateException("replaying block " + chainBlock + " gave transaction " + transaction
          + " another receipt than the stored one");
    }
    return Optional.of(accepted);
  }

  /** What a stored block's acceptance was computed from, as consensus validated it. */
  private AcceptanceInputs acceptanceInputs(Hash block) {
    BlockHeader header = consensus.header(block).orElseThrow(() -> new IllegalStateException("no header for " + block));
    GhostdagData ghostdag = consensus.ghostdagData(block)
        .orElseThrow(() -> new IllegalStateException("no GHOSTDAG data for " + block));
    ValidatedBlock validated = new ValidatedBlock(header, ghostdag, consensus.mergesetInExecutionOrder(ghostdag),
        ChainChange.NONE);
    return ChainExecution.inputsOf(validated, execution.body(store, block));
  }

  /** Pool size for metrics and status. */
  public int poolSize() {
    return pool.status().size();
  }
}
