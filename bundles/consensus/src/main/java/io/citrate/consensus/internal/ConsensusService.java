package io.citrate.consensus.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.consensus.internal.pipeline.BlockProcessor;
import io.citrate.consensus.internal.pipeline.HeaderPreValidation;
import io.citrate.consensus.internal.pipeline.OrphanPool;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.store.api.KeyValueStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link Consensus} over one {@link BlockProcessor}: the processor serialises blocks and each read, so
 * every answer reflects whole blocks. Submissions are timed and their outcomes counted in the metrics.
 */
public final class ConsensusService implements Consensus {
  private final ConsensusGenesis genesis;
  private final OrphanPool orphans;
  private final BlockProcessor processor;
  private final ConsensusMetrics metrics;
  /** Checks what needs no store (decoding, signatures, VRF proofs) ahead of the serial stage. */
  private final ExecutorService preValidationPool;

  /**
   * Opens the DAG of {@code genesis} in {@code store}, writing genesis into an empty store; every valid
   * block goes through {@code execution} before it is committed.
   *
   * @throws IllegalStateException when the store holds the DAG of another genesis
   */
  public ConsensusService(ConsensusGenesis genesis, KeyValueStore store, ExecutionStage execution,
      int orphanCapacity, long futureToleranceMillis, LongSupplier clockMillis, MetricRegistry metricRegistry) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    this.orphans = new OrphanPool(orphanCapacity);
    HeaderPreValidation preValidation =
        new HeaderPreValidation(genesis.parameters(), futureToleranceMillis, clockMillis);
    this.processor = new BlockProcessor(genesis, store, preValidation, orphans, execution);
    this.metrics = new ConsensusMetrics(metricRegistry, this);
    this.preValidationPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
      Thread thread = new Thread(task, "citrate-consensus-prevalidation");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public ConsensusGenesis genesis() {
    return genesis;
  }

  @Override
  public List<BlockOutcome> submit(BlockHeader header) {
    Objects.requireNonNull(header, "header");
    return timedAndCounted(() -> processor.process(header));
  }

  @Override
  public List<BlockOutcome> submitEncoded(byte[] encodedHeader) {
    Objects.requireNonNull(encodedHeader, "encodedHeader");
    return timedAndCounted(() -> processor.processEncoded(encodedHeader));
  }

  @Override
  public List<BlockOutcome> submitAllEncoded(List<byte[]> encodedHeaders) {
    List<byte[]> headers = List.copyOf(encodedHeaders);
    return timedAndCounted(() -> processor.processAllEncoded(headers, preValidationPool));
  }

  private List<BlockOutcome> timedAndCounted(Supplier<List<BlockOutcome>> submission) {
    Timer.Context timing = metrics.startProcessing();
    List<BlockOutcome> outcomes;
    try {
      outcomes = submission.get();
    } finally {
      timing.stop();
    }
    metrics.record(outcomes);
    return outcomes;
  }

  @Override
  public List<Hash> mergesetInExecutionOrder(GhostdagData data) {
    Objects.requireNonNull(data, "data");
    return processor.mergesetInExecutionOrder(data);
  }

  @Override
  public SlotInput slotInput(Hash selectedParent, long timestampMillis) throws BlockRejectedException {
    return processor.slotInput(selectedParent, timestampMillis);
  }

  @Override
  public Optional<RuleViolation> proposerVerdict(Address producer, Hash selectedParent, SlotTicket ticket) {
    return processor.proposerVerdict(producer, selectedParent, ticket);
  }

  @Override
  public GhostdagData ghostdagFor(List<Hash> parents) throws BlockRejectedException {
    return processor.ghostdagFor(parents);
  }

  @Override
  public Optional<BlockStatus> status(Hash block) {
    return processor.status(block);
  }

  @Override
  public Optional<String> rejectionReason(Hash block) {
    return processor.rejectionReason(block);
  }

  @Override
  public Optional<BlockHeader> header(Hash block) {
    return processor.header(block);
  }

  @Override
  public Optional<GhostdagData> ghostdagData(Hash block) {
    return processor.ghostdagData(block);
  }

  @Override
  public List<Hash> children(Hash block) {
    return processor.children(block);
  }

  @Override
  public Hash sink() {
    return processor.sink().orElseThrow();
  }

  @Override
  public List<Hash> tips() {
    return processor.tips();
  }

  @Override
  public long selectedChainHeight() {
    return processor.selectedChainHeight();
  }

  @Override
  public Optional<Hash> selectedChainBlockAt(long position) {
    return position < 0 ? Optional.empty() : processor.selectedChainBlockAt(position);
  }

  @Override
  public OptionalLong selectedChainPosition(Hash block) {
    return processor.selectedChainPosition(block);
  }

  @Override
  public Hash finalityPoint() {
    return processor.finalityPoint();
  }

  @Override
  public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
    return processor.isDagAncestorOf(ancestor, descendant);
  }

  @Override
  public int orphanCount() {
    return orphans.size();
  }

  /** Stops the pre-validation threads and the gauges, which read the store; call before the store closes. */
  public void close() {
    preValidationPool.shutdown();
    metrics.close();
  }
}
