package io.citrate.node.internal;

import com.codahale.metrics.MetricRegistry;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.internal.ConsensusService;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.internal.chain.ChainSpecReader;
import io.citrate.node.internal.chain.Genesis;
import io.citrate.node.internal.chain.ValidatorKeys;
import io.citrate.node.internal.execution.ChainExecution;
import io.citrate.node.internal.execution.ChainStore;
import io.citrate.node.internal.execution.HeadState;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.node.internal.production.BlockProducer;
import io.citrate.store.api.KeyValueStore;
import io.citrate.txpool.internal.PoolSettings;
import io.citrate.txpool.internal.TransactionPoolService;
import io.citrate.vm.internal.processor.BlockProcessorComponent;
import io.citrate.vm.internal.registry.WhiteboardPrecompileRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The built-in devnet assembled in one process from the real parts, as the components assemble it in Karaf, on
 * a store of the caller's choosing and a clock that moves one slot per block. Imports go through the same
 * steps the block-ingress route runs.
 */
public final class Devnet {
  public static final PrivateKey VALIDATOR = PrivateKey.fromHex(
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  public static final PrivateKey ALICE = PrivateKey.fromHex(
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  public static final PrivateKey BOB = PrivateKey.fromHex(
      "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
  public static final Address CAROL = Address.fromHex("0x00000000000000000000000000000000000ca201");

  final ChainSpec spec;
  final KeyValueStore store;
  final BlockProcessorComponent vm;
  final BlockHeader genesis;
  final ChainExecution execution;
  final ConsensusService consensus;
  final HeadState head;
  final TransactionPoolService pool;
  final BlockProducer producer;
  final BlockImport importer;
  final NodeService node;
  final List<ChainEvent> events = new ArrayList<>();
  private final List<Consumer<ChainEvent>> listeners = new CopyOnWriteArrayList<>();
  final AtomicLong clock;

  Devnet(KeyValueStore store, ProductionSettings.Mode mode) {
    this(store, mode, 1_000);
  }

  public Devnet(KeyValueStore store, ProductionSettings.Mode mode, long intervalMillis) {
    this(ChainSpecReader.load(ChainSpecReader.DEVNET), VALIDATOR, store, mode, intervalMillis, 5_000);
  }

  /**
   * A network of {@code spec}, whose validator must be {@code validator}'s, on {@code store}; blocks carry at most
   * {@code maxTransactions}.
   */
  public Devnet(ChainSpec spec, PrivateKey validator, KeyValueStore store, ProductionSettings.Mode mode,
      long intervalMillis, int maxTransactions) {
    this.spec = spec;
    this.store = store;
    this.clock = new AtomicLong(spec.genesisTimestamp());
    vm = new BlockProcessorComponent(store, new WhiteboardPrecompileRegistry());
    genesis = Genesis.header(spec, vm);
    execution = new ChainExecution(spec, vm, genesis);
    consensus = new ConsensusService(Genesis.consensusGenesis(spec, genesis), store, execution, 64, 15_000,
        clock::get, new MetricRegistry());
    head = new HeadState(spec, vm, store, execution.executor(), ChainStore.head(store).orElseThrow());
    // A reopened store's blocks are ahead of genesis: the clock resumes at the head.
    clock.set(Math.max(clock.get(), head.head().record().timestamp()));
    pool = new TransactionPoolService(head, PoolSettings.DEFAULT, new MetricRegistry());
    producer = new BlockProducer(spec, consensus, pool, execution, store, ValidatorKeys.fromSigningKey(validator),
        () -> clock.addAndGet(spec.proposers().slotDurationMillis()), maxTransactions);
    importer = new BlockImport(consensus, execution);
    node = new NodeService(spec, consensus, pool, store, execution, head, Optional.of(producer),
        new ProductionSettings(mode, intervalMillis, maxTransactions), new MetricRegistry());
    node.connect(this::importBlock, node::admit, this::deliver);
  }

  /** Calls {@code listener} with every event the node publishes from now on, on the publishing thread. */
  public void onEvent(Consumer<ChainEvent> listener) {
    listeners.add(listener);
  }

  private void deliver(ChainEvent event) {
    events.add(event);
    listeners.forEach(listener -> listener.accept(event));
  }

  public NodeService node() {
    return node;
  }

  public ConsensusService consensus() {
    return consensus;
  }

  public TransactionPoolService pool() {
    return pool;
  }

  public BlockProcessorComponent vm() {
    return vm;
  }

  public ChainExecution execution() {
    return execution;
  }

  public HeadState head() {
    return head;
  }

  public BlockProducer producer() {
    return producer;
  }

  public BlockImport importer() {
    return importer;
  }

  List<BlockOutcome> importBlock(BlockImport.Arrival arrival) {
    List<BlockOutcome> outcomes = importer.importBlock(arrival);
    node.committed(outcomes);
    return outcomes;
  }

  public Transaction transfer(PrivateKey from, long nonce, Address to, Wei value, long tipGwei) {
    return Transaction.builder(TransactionType.EIP1559).chainId(spec.chainId()).nonce(nonce)
        .maxPriorityFeePerGas(Wei.ofGwei(tipGwei)).maxFeePerGas(Wei.ofGwei(100 + 10 * tipGwei)).gasLimit(21_000).to(to).value(value)
        .data(Bytes.EMPTY).sign(from);
  }

  Wei balance(Address address) {
    return head.balance(address);
  }
}
