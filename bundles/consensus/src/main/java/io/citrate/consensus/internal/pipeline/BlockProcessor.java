package io.citrate.consensus.internal.pipeline;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.ChainChange;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.consensus.api.ValidatedBlock;
import io.citrate.consensus.internal.ghostdag.BlockWork;
import io.citrate.consensus.internal.ghostdag.GhostdagProtocol;
import io.citrate.consensus.internal.ghostdag.GhostdagRuleException;
import io.citrate.consensus.internal.proposer.EpochSeeds;
import io.citrate.consensus.internal.proposer.EpochStakes;
import io.citrate.consensus.internal.proposer.ProposerLottery;
import io.citrate.consensus.internal.proposer.SlotSchedule;
import io.citrate.consensus.internal.proposer.SpeculativeProof;
import io.citrate.consensus.internal.reachability.KeyValueReachabilityStore;
import io.citrate.consensus.internal.reachability.ReachabilityIndex;
import io.citrate.consensus.internal.reachability.ReachabilityWriter;
import io.citrate.consensus.internal.reachability.ReindexParameters;
import io.citrate.consensus.internal.reachability.StagingReachabilityStore;
import io.citrate.consensus.internal.store.ChainRandomness;
import io.citrate.consensus.internal.store.GroupCommitStore;
import io.citrate.consensus.internal.store.KeyValueBlockStatusStore;
import io.citrate.consensus.internal.store.KeyValueChainRandomnessStore;
import io.citrate.consensus.internal.store.KeyValueDagStateStore;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.consensus.internal.store.KeyValueHeaderStore;
import io.citrate.consensus.internal.store.KeyValueRelationsStore;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.block.InvalidBlockHeaderException;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Takes a block header through consensus: the checks that need no store (the slot among them), parent
 * availability (else the orphan pool), GHOSTDAG, the header's declared blue score and work, the selected
 * parent's timestamp, the producer's VRF proof and lottery win ({@link ProposerValidation}) and finality;
 * then writes everything about the block (header, status, relations, GHOSTDAG data, chain randomness,
 * reachability, tips, sink and selected chain) in one atomic batch. A block that breaks a rule is
 * recorded as invalid and nothing else changes.
 *
 * <p>One block at a time: processing is serialised, so every block sees the committed result of the one
 * before and the outcome does not depend on thread timing. The order of arrival only decides when a block
 * is processed, never what consensus concludes about it. {@link #processAll} keeps that order but runs
 * the checks that need no store ahead on other threads and commits many blocks in one transaction.
 */
public final class BlockProcessor {
  /** Reachability records cached in memory; the recent part of the tree is what queries touch. */
  private static final int REACHABILITY_CACHE_BLOCKS = 100_000;
  /**
   * Most blocks {@link #processAll} writes in one transaction. Large enough that the store's cost per
   * transaction fades, small enough that a group's pending writes stay a few megabytes.
   */
  static final int GROUP_COMMIT_BLOCKS = 512;

  private final ConsensusParameters parameters;
  /**
   * Every block's writes go here; they reach the store before a call to process returns, and during
   * {@link #processAll} every {@value #GROUP_COMMIT_BLOCKS} blocks.
   */
  private final GroupCommitStore store;
  private final HeaderPreValidation preValidation;
  private final OrphanPool orphans;
  private final KeyValueHeaderStore headers;
  private final KeyValueBlockStatusStore statuses;
  private final KeyValueRelationsStore relations;
  private final KeyValueGhostdagStore ghostdagStore;
  private final KeyValueChainRandomnessStore chainRandomness;
  private final ProposerValidation proposerValidation;
  private final KeyValueReachabilityStore reachabilityStore;
  private final ReachabilityIndex reachability;
  private final KeyValueDagStateStore dagState;
  private final GhostdagProtocol ghostdag;
  private final ReindexParameters reindexParameters;
  private final ExecutionStage execution;
  private RuntimeException halted;
  /**
   * The finality point found last and its chain position: the next one is usually the same or a few
   * positions higher, so the search starts there instead of reading its way up from genesis.
   */
  private Hash lastFinalityPoint;
  private long lastFinalityPosition;

  /**
   * A processor whose lottery uses the genesis validators in every epoch and which hands every valid
   * block, genesis included, to {@code execution} before committing it.
   */
  public BlockProcessor(ConsensusGenesis genesis, KeyValueStore store, HeaderPreValidation preValidation,
      OrphanPool orphans, ExecutionStage execution) {
    this(genesis, store, preValidation, orphans, EpochStakes.fixed(genesis.validators()), execution);
  }

  /** A processor whose lottery takes each epoch's validators from {@code stakes}. */
  BlockProcessor(ConsensusGenesis genesis, KeyValueStore store, HeaderPreValidation preValidation,
      OrphanPool orphans, EpochStakes stakes, ExecutionStage execution) {
    this.execution = execution;
    this.parameters = genesis.parameters();
    this.store = new GroupCommitStore(store);
    this.preValidation = preValidation;
    this.orphans = orphans;
    this.headers = new KeyValueHeaderStore(this.store);
    this.statuses = new KeyValueBlockStatusStore(this.store);
    this.relations = new KeyValueRelationsStore(this.store);
    this.ghostdagStore = new KeyValueGhostdagStore(this.store);
    this.chainRandomness = new KeyValueChainRandomnessStore(this.store);
    this.proposerValidation = new ProposerValidation(genesis.chainId(),
        new SlotSchedule(genesis.header().timestamp(), genesis.proposers()),
        new ProposerLottery(genesis.proposers().expectedProducersPerSlot()), stakes, chainRandomness);
    this.reachabilityStore = new KeyValueReachabilityStore(this.store, REACHABILITY_CACHE_BLOCKS);
    this.reachability = new ReachabilityIndex(reachabilityStore);
    this.dagState = new KeyValueDagStateStore(this.store);
    this.reindexParameters = ReindexParameters.DEFAULT;
    this.ghostdag = new GhostdagProtocol(parameters, genesis.header().hash(), ghostdagStore, relations,
        reachability, BlockWork.UNIT);
    initialize(genesis.header());
  }

  /** Writes genesis into an empty store, or checks that a non-empty store belongs to this genesis. */
  private void initialize(BlockHeader genesis) {
    Optional<Hash> storedGenesis = dagState.chainBlockAt(0);
    if (storedGenesis.isPresent()) {
      if (!storedGenesis.get().equals(genesis.hash())) {
        throw new IllegalStateException("the store holds the DAG of genesis " + storedGenesis.get()
            + ", not of " + genesis.hash());
      }
      return;
    }
    Hash hash = genesis.hash();
    WriteBatch batch = new WriteBatch();
    headers.insertBatch(batch, genesis);
    statuses.stageValid(batch, hash);
    relations.insertBatch(batch, hash, List.of());
    ghostdagStore.insertBatch(batch, hash, ghostdag.genesisData());
    chainRandomness.insertBatch(batch, hash, EpochSeeds.genesis(hash));
    StagingReachabilityStore staging = new StagingReachabilityStore(reachabilityStore);
    new ReachabilityWriter(staging, reindexParameters).initialize(hash);
    staging.commit(batch);
    dagState.stageTips(batch, List.of(hash));
    dagState.stageSink(batch, hash);
    dagState.stageChainBlock(batch, 0, hash);
    try {
      execution.stage(new ValidatedBlock(genesis, GhostdagData.genesis(), List.of(),
          new ChainChange(List.of(), List.of(hash))), store, batch);
    } catch (BlockRejectedException e) {
      throw new IllegalStateException("genesis " + hash + " cannot be executed: " + e.violation().message(), e);
    }
    store.commit(batch);
    store.flush();
  }

  /**
   * The GHOSTDAG data a new block on {@code parents} will have; a producer puts its blue score and blue
   * work into the header.
   *
   * @throws BlockRejectedException when those parents break a GHOSTDAG rule
   */
  public synchronized GhostdagData ghostdagFor(List<Hash> parents) throws BlockRejectedException {
    try {
      return ghostdag.ghostdag(parents);
    } catch (GhostdagRuleException e) {
      throw new BlockRejectedException(Hash.ZERO, violationOf(e));
    }
  }

  /** The mergeset of {@code data} without its selected parent, in ascending (blue work, hash) order. */
  public synchronized List<Hash> mergesetInExecutionOrder(GhostdagData data) {
    for (Hash block : data.mergesetBlues()) {
      requireValid(block);
    }
    for (Hash block : data.mergesetReds()) {
      requireValid(block);
    }
    return ghostdag.ascendingMergesetWithoutSelectedParent(data);
  }

  private void requireValid(Hash block) {
    if (!statuses.status(block).equals(Optional.of(BlockStatus.VALID))) {
      throw new IllegalArgumentException("block " + block + " is not a valid block");
    }
  }

  /**
   * What a producer proves to claim the slot of {@code timestampMillis} for a block whose selected parent is
   * {@code selectedParent}: the chain id, the slot, and the epoch seed of that parent's selected chain.
   *
   * @throws BlockRejectedException when a block with that timestamp would break a rule: a timestamp before
   *     genesis or before the selected parent's
   * @throws IllegalArgumentException when {@code selectedParent} is not a valid block
   */
  public synchronized SlotInput slotInput(Hash selectedParent, long timestampMillis) throws BlockRejectedException {
    requireValid(selectedParent);
    long slot = proposerValidation.slotAt(Hash.ZERO, timestampMillis);
    checkTimestampAfterSelectedParent(Hash.ZERO, timestampMillis, selectedParent);
    return proposerValidation.slotInput(selectedParent, slot);
  }

  /**
   * Whether {@code ticket} lets {@code producer} make a block on {@code selectedParent}: empty when it wins
   * its slot, else the violation such a block would be rejected for.
   */
  public synchronized Optional<RuleViolation> proposerVerdict(Address producer, Hash selectedParent,
      SlotTicket ticket) {
    requireValid(selectedParent);
    return proposerValidation.verdictOn(producer, selectedParent, ticket);
  }

  /**
   * Processes {@code header}, then every orphan that was waiting for it, and returns the outcome of
   * each, in processing order.
   */
  public synchronized List<BlockOutcome> process(BlockHeader header) {
    requireNotHalted();
    List<BlockOutcome> outcomes = new ArrayList<>();
    try {
      processWithReleasedOrphans(header, candidate -> {
        preValidation.validate(candidate);
        return Optional.empty();
      }, outcomes);
    } finally {
      flushOrHalt();
    }
    return outcomes;
  }

  /**
   * Processes {@code headers} in their order, each followed by the orphans it releases, and returns every
   * outcome in processing order: the same outcomes as calling {@link #process} on each in turn. Only the
   * work is arranged differently. The checks that need no store, the producer's signature above all, run
   * ahead on {@code preValidationPool}; parents, GHOSTDAG and everything after stay strictly serial, each
   * block seeing the ones before it. Writes reach the store in groups of up to {@value
   * #GROUP_COMMIT_BLOCKS} blocks, one transaction each: a crash keeps or loses whole blocks, and every
   * block is committed before this returns.
   */
  public synchronized List<BlockOutcome> processAll(List<BlockHeader> headers, Executor preValidationPool) {
    List<CompletableFuture<Arrival>> arrivals = new ArrayList<>(headers.size());
    for (BlockHeader header : headers) {
      arrivals.add(CompletableFuture.completedFuture(new Arrival.Decoded(header)));
    }
    return processArrivals(arrivals, preValidationPool);
  }

  /**
   * {@link #processAll} for headers as they arrive from peers, decoded on {@code pool} too; bytes that are
   * not a canonical header are rejected in their place as {@link #processEncoded} rejects them.
   */
  public synchronized List<BlockOutcome> processAllEncoded(List<byte[]> encodedHeaders, Executor pool) {
    List<CompletableFuture<Arrival>> arrivals = new ArrayList<>(encodedHeaders.size());
    for (byte[] encoded : encodedHeaders) {
      arrivals.add(CompletableFuture.supplyAsync(() -> Arrival.decode(encoded), pool));
    }
    return processArrivals(arrivals, pool);
  }

  private List<BlockOutcome> processArrivals(List<CompletableFuture<Arrival>> arrivals, Executor pool) {
    requireNotHalted();
    // The pool verifies VRF proofs on the seeds of the sink's chain, which nearly every block shares.
    Hash likelyParent = dagState.sink().orElseThrow();
    ChainRandomness likelyRandomness = chainRandomness.get(likelyParent);
    List<CompletableFuture<Optional<SpeculativeProof>>> checkedAhead = new ArrayList<>(arrivals.size());
    for (CompletableFuture<Arrival> arrival : arrivals) {
      checkedAhead.add(arrival.thenApplyAsync(
          decoded -> checkStatelessly(decoded, likelyParent, likelyRandomness), pool));
    }
    List<BlockOutcome> outcomes = new ArrayList<>();
    int outcomesAtLastFlush = 0;
    try {
      for (int i = 0; i < arrivals.size(); i++) {
        Arrival arrival = arrivals.get(i).join();
        if (arrival instanceof Arrival.Malformed malformed) {
          outcomes.add(malformed.outcome());
          continue;
        }
        BlockHeader header = ((Arrival.Decoded) arrival).header();
        CompletableFuture<Optional<SpeculativeProof>> ahead = checkedAhead.get(i);
        // Orphans released on the way were not given here and are checked on the spot.
        processWithReleasedOrphans(header,
            candidate -> checkAhead(candidate == header ? ahead : null, candidate), outcomes);
        if (outcomes.size() - outcomesAtLastFlush >= GROUP_COMMIT_BLOCKS) {
          flushOrHalt();
          outcomesAtLastFlush = outcomes.size();
        }
      }
    } finally {
      flushOrHalt();
    }
    return outcomes;
  }

  /**
   * The pool's share of a header's work: the checks that need no store, then its VRF proof on the likely
   * slot input. A proof that fails there is only a guess's failure: the serial stage decides.
   */
  private Optional<SpeculativeProof> checkStatelessly(Arrival arrival, Hash likelyParent,
      ChainRandomness likelyRandomness) {
    if (!(arrival instanceof Arrival.Decoded decoded)) {
      return Optional.empty();
    }
    try {
      preValidation.validate(decoded.header());
    } catch (BlockRejectedException e) {
      throw new CompletionException(e);
    }
    return proposerValidation.speculate(decoded.header(), likelyParent, likelyRandomness);
  }

  /** Waits for the checks run ahead of {@code header}, or runs them now when there are none. */
  private Optional<SpeculativeProof> checkAhead(CompletableFuture<Optional<SpeculativeProof>> ahead,
      BlockHeader header) throws BlockRejectedException {
    if (ahead == null) {
      preValidation.validate(header);
      return Optional.empty();
    }
    try {
      return ahead.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof BlockRejectedException rejected) {
        throw rejected;
      }
      throw e;
    }
  }

  private void processWithReleasedOrphans(BlockHeader header, StatelessChecks checks, List<BlockOutcome> outcomes) {
    Deque<BlockHeader> queue = new ArrayDeque<>();
    queue.add(header);
    while (!queue.isEmpty()) {
      BlockHeader next = queue.poll();
      BlockOutcome outcome = processOne(next, checks);
      outcomes.add(outcome);
      if (outcome instanceof BlockOutcome.Accepted || outcome instanceof BlockOutcome.Rejected) {
        // Children of a rejected block are released too: processing rejects them for their parent.
        queue.addAll(orphans.parentProcessed(next.hash()));
      }
    }
  }

  private void requireNotHalted() {
    if (halted != null) {
      throw new IllegalStateException("consensus halted after a failed store commit; reopen it", halted);
    }
  }

  /**
   * Decodes a header as it arrives from a peer and processes it. Bytes that are not a canonical header
   * are rejected under the Keccak-256 of the bytes and recorded nowhere: they name no block.
   */
  public List<BlockOutcome> processEncoded(byte[] encoded) {
    Arrival arrival = Arrival.decode(encoded);
    return arrival instanceof Arrival.Decoded decoded
        ? process(decoded.header())
        : List.of(((Arrival.Malformed) arrival).outcome());
  }

  public synchronized Optional<BlockStatus> status(Hash block) {
    return statuses.status(block);
  }

  public synchronized Optional<Hash> sink() {
    return dagState.sink();
  }

  public synchronized List<Hash> tips() {
    return dagState.tips();
  }

  /** Why a block was rejected; empty unless its status is INVALID. */
  public synchronized Optional<String> rejectionReason(Hash block) {
    return statuses.rejectionReason(block);
  }

  /** The header of a valid block; rejected blocks keep only their status. */
  public synchronized Optional<BlockHeader> header(Hash block) {
    return headers.has(block) ? Optional.of(headers.get(block)) : Optional.empty();
  }

  public synchronized Optional<GhostdagData> ghostdagData(Hash block) {
    return ghostdagStore.has(block) ? Optional.of(ghostdagStore.get(block)) : Optional.empty();
  }

  /** The valid blocks naming {@code block} as a parent, ordered by hash; empty for an unknown block. */
  public synchronized List<Hash> children(Hash block) {
    return relations.has(block) ? relations.children(block) : List.of();
  }

  /** The sink's position on the selected chain, read under the same lock as the sink. */
  public synchronized long selectedChainHeight() {
    return dagState.chainPosition(dagState.sink().orElseThrow()).orElseThrow();
  }

  public synchronized OptionalLong selectedChainPosition(Hash block) {
    return dagState.chainPosition(block);
  }

  public synchronized Optional<Hash> selectedChainBlockAt(long position) {
    return dagState.chainBlockAt(position);
  }

  /** Whether {@code ancestor} is in the past of {@code descendant} or is it; false if either is not valid. */
  public synchronized boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
    return ghostdagStore.has(ancestor) && ghostdagStore.has(descendant)
        && reachability.isDagAncestorOf(ancestor, descendant);
  }

  private BlockOutcome processOne(BlockHeader header, StatelessChecks checks) {
    Hash hash = header.hash();
    Optional<BlockStatus> known = statuses.status(hash);
    if (known.isPresent()) {
      return known.get() == BlockStatus.VALID
          ? new BlockOutcome.Duplicate(hash)
          : new BlockOutcome.Rejected(hash,
              new RuleViolation.PreviouslyRejected(statuses.rejectionReason(hash).orElse("")));
    }
    if (orphans.contains(hash)) {
      return new BlockOutcome.Duplicate(hash);
    }
    try {
      Optional<SpeculativeProof> proofChecked = checks.check(header);
      long slot = proposerValidation.slotAt(hash, header.timestamp());
      List<Hash> missing = checkParents(header);
      if (!missing.isEmpty()) {
        orphans.add(header, missing);
        return new BlockOutcome.Orphaned(hash, missing);
      }
      GhostdagData data = ghostdagOf(header);
      checkDeclaredOrder(header, data);
      checkTimestampAfterSelectedParent(hash, header.timestamp(), data.selectedParent());
      ChainRandomness randomness = proposerValidation.checkEligibility(header, slot, data.selectedParent(),
          proofChecked);
      boolean becomesSink = becomesSink(hash, data);
      if (becomesSink) {
        checkFinality(header, data);
      }
      return commit(header, data, randomness, becomesSink);
    } catch (BlockRejectedException e) {
      return reject(header, e.violation());
    }
  }

  /** Returns the parents not yet processed; fails if one of them is invalid. */
  private List<Hash> checkParents(BlockHeader header) throws BlockRejectedException {
    List<Hash> missing = new ArrayList<>();
    for (Hash parent : header.parents()) {
      Optional<BlockStatus> status = statuses.status(parent);
      if (status.isEmpty()) {
        missing.add(parent);
      } else if (status.get() == BlockStatus.INVALID) {
        throw new BlockRejectedException(header.hash(), new RuleViolation.InvalidParent(parent));
      }
    }
    return missing;
  }

  private GhostdagData ghostdagOf(BlockHeader header) throws BlockRejectedException {
    try {
      return ghostdag.ghostdag(header.parents());
    } catch (GhostdagRuleException e) {
      throw new BlockRejectedException(header.hash(), violationOf(e));
    }
  }

  private static RuleViolation violationOf(GhostdagRuleException e) {
    if (e instanceof GhostdagRuleException.ParentInSelectedParentPast redundant) {
      return new RuleViolation.RedundantParent(redundant.parent(), redundant.selectedParent());
    }
    if (e instanceof GhostdagRuleException.MergesetTooLarge tooLarge) {
      return new RuleViolation.MergesetTooLarge(tooLarge.limit());
    }
    if (e instanceof GhostdagRuleException.NoParents) {
      return new RuleViolation.NoParents();
    }
    return new RuleViolation.Malformed(e.getMessage());
  }

  private static void checkDeclaredOrder(BlockHeader header, GhostdagData data) throws BlockRejectedException {
    if (header.blueScore() != data.blueScore()) {
      throw new BlockRejectedException(header.hash(),
          new RuleViolation.UnexpectedBlueScore(header.blueScore(), data.blueScore()));
    }
    if (!header.blueWork().equals(data.blueWork())) {
      throw new BlockRejectedException(header.hash(),
          new RuleViolation.UnexpectedBlueWork(header.blueWork(), data.blueWork()));
    }
  }

  private void checkTimestampAfterSelectedParent(Hash block, long timestamp, Hash selectedParent)
      throws BlockRejectedException {
    long selectedParentTimestamp = headers.get(selectedParent).timestamp();
    if (timestamp < selectedParentTimestamp) {
      throw new BlockRejectedException(block,
          new RuleViolation.TimestampBeforeSelectedParent(timestamp, selectedParentTimestamp));
    }
  }

  private boolean becomesSink(Hash block, GhostdagData data) {
    Hash sink = dagState.sink().orElseThrow();
    GhostdagData sinkData = ghostdagStore.get(sink);
    int byWork = data.blueWork().compareTo(sinkData.blueWork());
    return byWork > 0 || (byWork == 0 && block.compareTo(sink) > 0);
  }

  /**
   * A block that would become the sink must keep the finality point on its selected chain: the chain
   * block deepest below the current sink that is still within the finality depth in blue score.
   */
  private void checkFinality(BlockHeader header, GhostdagData data) throws BlockRejectedException {
    Hash finalityPoint = finalityPoint();
    if (!reachability.isChainAncestorOf(finalityPoint, data.selectedParent())) {
      throw new BlockRejectedException(header.hash(), new RuleViolation.FinalityViolation(finalityPoint));
    }
  }

  /** The highest selected-chain block whose blue score is at least finalityDepth below the sink's. */
  public synchronized Hash finalityPoint() {
    Hash sink = dagState.sink().orElseThrow();
    long sinkPosition = dagState.chainPosition(sink).orElseThrow();
    long threshold = ghostdagStore.blueScore(sink) - parameters.finalityDepth();
    if (threshold <= 0) {
      return dagState.chainBlockAt(0).orElseThrow();
    }
    // Blue scores strictly increase along the chain: search the last position at or below the threshold,
    // from the previous answer when it is still on the chain and below it, as it almost always is.
    long low = 0;
    if (lastFinalityPoint != null && lastFinalityPosition <= sinkPosition
        && dagState.chainBlockAt(lastFinalityPosition).filter(lastFinalityPoint::equals).isPresent()
        && ghostdagStore.blueScore(lastFinalityPoint) <= threshold) {
      low = lastFinalityPosition;
    }
    // Gallop up to bracket the answer in a few reads, then halve the bracket.
    long bound = 1;
    while (low + bound <= sinkPosition && blueScoreAt(low + bound) <= threshold) {
      bound <<= 1;
    }
    long high = Math.min(sinkPosition, low + bound - 1);
    low += bound >>> 1;
    while (low < high) {
      long middle = (low + high + 1) >>> 1;
      if (blueScoreAt(middle) <= threshold) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    lastFinalityPosition = low;
    lastFinalityPoint = dagState.chainBlockAt(low).orElseThrow();
    return lastFinalityPoint;
  }

  private long blueScoreAt(long chainPosition) {
    return ghostdagStore.blueScore(dagState.chainBlockAt(chainPosition).orElseThrow());
  }

  private BlockOutcome commit(BlockHeader header, GhostdagData data, ChainRandomness randomness,
      boolean becomesSink) throws BlockRejectedException {
    Hash hash = header.hash();
    WriteBatch batch = new WriteBatch();
    headers.insertBatch(batch, header);
    statuses.stageValid(batch, hash);
    relations.insertBatch(batch, hash, header.parents());
    ghostdagStore.insertBatch(batch, hash, data);
    chainRandomness.insertBatch(batch, hash, randomness);

    TreeSet<Hash> tips = new TreeSet<>(dagState.tips());
    header.parents().forEach(tips::remove);
    tips.add(hash);
    dagState.stageTips(batch, new ArrayList<>(tips));

    ChainChange change = ChainChange.NONE;
    if (becomesSink) {
      change = stageSelectedChain(batch, hash, data);
      dagState.stageSink(batch, hash);
    }
    List<Hash> mergeset = ghostdag.ascendingMergesetWithoutSelectedParent(data);
    execution.stage(new ValidatedBlock(header, data, mergeset, change), store, batch);

    // After execution, which may still reject the block: staging updates the reachability cache, which
    // must match what is committed.
    StagingReachabilityStore staging = new StagingReachabilityStore(reachabilityStore);
    ReachabilityWriter writer = new ReachabilityWriter(staging, reindexParameters);
    writer.addBlock(hash, data.selectedParent(), mergeset);
    if (becomesSink) {
      writer.hintVirtualSelectedParent(hash);
    }
    staging.commit(batch);
    commitOrHalt(batch);
    return new BlockOutcome.Accepted(hash, data, change);
  }

  /**
   * Stages {@code batch} with the other writes of this call. Reachability staging has already updated
   * the in-memory cache, so from here on the batch must reach the store: see {@link #flushOrHalt}.
   */
  private void commitOrHalt(WriteBatch batch) {
    try {
      store.commit(batch);
    } catch (RuntimeException e) {
      halted = e;
      throw e;
    }
  }

  /**
   * Writes every block staged so far in one transaction. If the store fails, the in-memory caches are
   * ahead of the disk, so this processor refuses all further work: the node must reopen consensus from
   * the store, which still holds the last group written whole.
   */
  private void flushOrHalt() {
    try {
      store.flush();
    } catch (RuntimeException e) {
      halted = e;
      throw e;
    }
  }

  /**
   * Moves the selected chain to end in {@code newSink}: walks down its selected parents to the first
   * block already on the chain, removes the chain above that block and adds the walked path.
   */
  private ChainChange stageSelectedChain(WriteBatch batch, Hash newSink, GhostdagData newSinkData) {
    List<Hash> added = new ArrayList<>();
    added.add(newSink);
    Hash current = newSinkData.selectedParent();
    while (dagState.chainPosition(current).isEmpty()) {
      added.add(current);
      current = ghostdagStore.selectedParent(current);
    }
    long forkPosition = dagState.chainPosition(current).getAsLong();
    long oldSinkPosition = dagState.chainPosition(dagState.sink().orElseThrow()).getAsLong();
    List<Hash> removed = new ArrayList<>();
    for (long position = oldSinkPosition; position > forkPosition; position--) {
      Hash block = dagState.chainBlockAt(position).orElseThrow();
      dagState.stageChainRemoval(batch, position, block);
      removed.add(block);
    }
    Collections.reverse(added);
    long position = forkPosition;
    for (Hash block : added) {
      dagState.stageChainBlock(batch, ++position, block);
    }
    return new ChainChange(removed, added);
  }

  private BlockOutcome reject(BlockHeader header, RuleViolation violation) {
    WriteBatch batch = new WriteBatch();
    statuses.stageInvalid(batch, header.hash(), violation.message());
    store.commit(batch);
    orphans.remove(header.hash());
    return new BlockOutcome.Rejected(header.hash(), violation);
  }

  /** A header off the wire: decoded, or refused with the outcome that says why. */
  private sealed interface Arrival {
    record Decoded(BlockHeader header) implements Arrival {}

    record Malformed(BlockOutcome.Rejected outcome) implements Arrival {}

    /** Bytes that are not a canonical header name no block: rejected under their Keccak-256, recorded nowhere. */
    static Arrival decode(byte[] encoded) {
      try {
        return new Decoded(BlockHeader.decode(encoded));
      } catch (InvalidBlockHeaderException e) {
        return new Malformed(new BlockOutcome.Rejected(Keccak256.hash(encoded), new RuleViolation.Malformed(e.getMessage())));
      }
    }
  }

  /** Runs, or waits for, the {@link HeaderPreValidation} checks of one header. */
  @FunctionalInterface
  private interface StatelessChecks {
    /** Returns the VRF proof verified ahead, if it was. */
    Optional<SpeculativeProof> check(BlockHeader header) throws BlockRejectedException;
  }
}
