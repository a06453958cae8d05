package io.citrate.consensus.internal.pipeline;

import static io.citrate.consensus.DagOnly.NO_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.ValidatedBlock;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.StoreFailureException;
import io.citrate.store.api.StoreName;
import io.citrate.store.internal.XodusKeyValueStore;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockProcessorTest {
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "42".repeat(32)));
  private static final KeyPair STRANGER = KeyPair.of(PrivateKey.fromHex("0x" + "43".repeat(32)));
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private static final BlockHeader GENESIS = BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build();
  private static final ConsensusParameters PARAMETERS = new ConsensusParameters(18, 10, 180, 3);
  private static final VrfPrivateKey PRODUCER_VRF = VrfPrivateKey.fromHex("0x" + "24".repeat(32));
  /** One-millisecond slots in epochs far longer than any test here: every block is in epoch 0. */
  private static final ProposerParameters PROPOSERS = new ProposerParameters(1, 1, 1_000_000);
  private static final ConsensusGenesis CONSENSUS_GENESIS = genesis(GENESIS);

  private static final Executor PRE_VALIDATION_POOL = ForkJoinPool.commonPool();

  private long clock = GENESIS_TIME + 1_000_000;

  @Test
  void acceptsAChainAndMovesTheSinkAlongIt() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    Hash parent = GENESIS.hash();
    for (int i = 1; i <= 5; i++) {
      BlockHeader block = child(processor, List.of(parent), i);
      BlockOutcome outcome = single(processor.process(block));
      assertThat(outcome).isInstanceOf(BlockOutcome.Accepted.class);
      BlockOutcome.Accepted accepted = (BlockOutcome.Accepted) outcome;
      assertThat(accepted.ghostdag().blueScore()).isEqualTo(i);
      assertThat(accepted.chainChange().removed()).isEmpty();
      assertThat(accepted.chainChange().added()).containsExactly(block.hash());
      parent = block.hash();
    }
    assertThat(processor.sink()).contains(parent);
    assertThat(processor.tips()).containsExactly(parent);
  }

  @Test
  void mergesParallelBlocksAndReportsAReorganisation() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    BlockHeader a = child(processor, List.of(GENESIS.hash()), 1);
    BlockHeader b = child(processor, List.of(GENESIS.hash()), 2);
    processor.process(a);
    processor.process(b);
    assertThat(processor.tips()).containsExactlyInAnyOrder(a.hash(), b.hash());
    Hash firstSink = processor.sink().orElseThrow();
    Hash other = firstSink.equals(a.hash()) ? b.hash() : a.hash();

    // A block on the other tip alone makes that branch heavier: the old sink leaves the chain.
    BlockHeader onOther = child(processor, List.of(other), 3);
    BlockOutcome.Accepted accepted = (BlockOutcome.Accepted) single(processor.process(onOther));
    assertThat(accepted.chainChange().removed()).containsExactly(firstSink);
    assertThat(accepted.chainChange().added()).containsExactly(other, onOther.hash());

    BlockHeader merge = child(processor, List.of(firstSink, onOther.hash()).stream().sorted().toList(), 4);
    BlockOutcome.Accepted merged = (BlockOutcome.Accepted) single(processor.process(merge));
    assertThat(merged.ghostdag().selectedParent()).isEqualTo(onOther.hash());
    assertThat(merged.ghostdag().mergesetBlues()).containsExactly(onOther.hash(), firstSink);
    assertThat(processor.tips()).containsExactly(merge.hash());
  }

  @Test
  void handsEveryValidBlockToExecutionAndCommitsItsWritesWithTheBlock() throws Exception {
    StoreName executed = StoreName.of("test-executed");
    List<ValidatedBlock> seen = new ArrayList<>();
    ExecutionStage recording = (block, committed, batch) -> {
      seen.add(block);
      batch.put(executed, block.hash().toArray(), new byte[] {1});
    };
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    BlockProcessor processor =
        new BlockProcessor(CONSENSUS_GENESIS, store, preValidation(), new OrphanPool(100), recording);
    assertThat(seen).singleElement().satisfies(genesis -> {
      assertThat(genesis.isGenesis()).isTrue();
      assertThat(genesis.chainChange().added()).containsExactly(GENESIS.hash());
    });
    BlockHeader a = child(processor, List.of(GENESIS.hash()), 1);
    BlockHeader b = child(processor, List.of(GENESIS.hash()), 2);
    processor.process(a);
    processor.process(b);
    BlockHeader merge = child(processor, List.of(a.hash(), b.hash()).stream().sorted().toList(), 3);
    processor.process(merge);

    ValidatedBlock last = seen.get(seen.size() - 1);
    assertThat(last.hash()).isEqualTo(merge.hash());
    Hash selectedParent = last.ghostdag().selectedParent();
    Hash merged = selectedParent.equals(a.hash()) ? b.hash() : a.hash();
    assertThat(last.mergesetInExecutionOrder()).containsExactly(merged);
    assertThat(last.isBlue(merged)).isTrue();
    assertThat(last.becomesSink()).isTrue();
    assertThat(processor.mergesetInExecutionOrder(last.ghostdag())).containsExactly(merged);
    for (BlockHeader block : List.of(GENESIS, a, b, merge)) {
      assertThat(store.get(executed, block.hash().toArray())).isPresent();
    }
  }

  @Test
  void aBlockThatExecutionRejectsIsInvalidAndChangesNothingElse() throws Exception {
    StoreName executed = StoreName.of("test-executed");
    BlockHeader[] refused = new BlockHeader[1];
    ExecutionStage refusing = (block, committed, batch) -> {
      batch.put(executed, block.hash().toArray(), new byte[] {1});
      if (refused[0] != null && block.hash().equals(refused[0].hash())) {
        throw new BlockRejectedException(block.hash(), new RuleViolation.InvalidExecution("state root differs"));
      }
    };
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    BlockProcessor processor =
        new BlockProcessor(CONSENSUS_GENESIS, store, preValidation(), new OrphanPool(100), refusing);
    refused[0] = child(processor, List.of(GENESIS.hash()), 1);

    assertThat(single(processor.process(refused[0]))).isEqualTo(new BlockOutcome.Rejected(refused[0].hash(),
        new RuleViolation.InvalidExecution("state root differs")));
    assertThat(processor.status(refused[0].hash())).contains(BlockStatus.INVALID);
    assertThat(processor.tips()).containsExactly(GENESIS.hash());
    assertThat(processor.sink()).contains(GENESIS.hash());
    assertThat(processor.header(refused[0].hash())).isEmpty();
    assertThat(store.get(executed, refused[0].hash().toArray())).isEmpty();

    BlockHeader next = child(processor, List.of(GENESIS.hash()), 2);
    assertThat(single(processor.process(next))).isInstanceOf(BlockOutcome.Accepted.class);
    assertThat(processor.sink()).contains(next.hash());
  }

  @Test
  void holdsAnOrphanUntilItsParentArrives() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    BlockHeader parent = child(processor, List.of(GENESIS.hash()), 1);
    GhostdagData parentData = processor.ghostdagFor(List.of(GENESIS.hash()));
    BlockHeader orphan = signed(processor, List.of(parent.hash()), parentData.blueScore() + 1,
        parentData.blueWork().add(BigInteger.ONE), 2);

    assertThat(single(processor.process(orphan)))
        .isEqualTo(new BlockOutcome.Orphaned(orphan.hash(), List.of(parent.hash())));
    assertThat(processor.status(orphan.hash())).isEmpty();

    List<BlockOutcome> outcomes = processor.process(parent);
    assertThat(outcomes).extracting(BlockOutcome::block).containsExactly(parent.hash(), orphan.hash());
    assertThat(outcomes).allMatch(outcome -> outcome instanceof BlockOutcome.Accepted);
    assertThat(processor.sink()).contains(orphan.hash());
  }

  @Test
  void rejectsAWrongBlueScoreAndEverythingBuiltOnIt() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    BlockHeader liar = signed(processor, List.of(GENESIS.hash()), 7, BigInteger.ONE, 1);
    assertThat(single(processor.process(liar)))
        .isEqualTo(new BlockOutcome.Rejected(liar.hash(), new RuleViolation.UnexpectedBlueScore(7, 1)));
    assertThat(processor.status(liar.hash())).contains(BlockStatus.INVALID);
    assertThat(processor.tips()).containsExactly(GENESIS.hash());

    BlockHeader onLiar = signed(processor, List.of(liar.hash()), 2, BigInteger.TWO, 2);
    assertThat(single(processor.process(onLiar)))
        .isEqualTo(new BlockOutcome.Rejected(onLiar.hash(), new RuleViolation.InvalidParent(liar.hash())));

    assertThat(single(processor.process(liar))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.PreviouslyRejected.class));
  }

  @Test
  void rejectsABlockSignedByAnotherKeyAndChangesNothingElse() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    GhostdagData data = processor.ghostdagFor(List.of(GENESIS.hash()));
    BlockHeader forged = unsigned(List.of(GENESIS.hash()), data.blueScore(), data.blueWork(), 1)
        .vrfProof(proof(processor, GENESIS.hash(), 1))
        .build().sign(STRANGER.privateKey());
    assertThat(single(processor.process(forged))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.BadSignature.class));
    assertThat(processor.tips()).containsExactly(GENESIS.hash());
    assertThat(processor.sink()).contains(GENESIS.hash());
  }

  @Test
  void rejectsMalformedBytesAndKeepsProcessing() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    BlockHeader block = child(processor, List.of(GENESIS.hash()), 1);
    byte[] encoded = block.encode();
    for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xc0},
        Arrays.copyOf(encoded, encoded.length - 1), Bytes.concat(encoded, new byte[] {0}))) {
      assertThat(single(processor.processEncoded(garbage))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
          rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.Malformed.class));
    }
    assertThat(processor.tips()).containsExactly(GENESIS.hash());
    assertThat(single(processor.processEncoded(encoded))).isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void aFloodOfOrphansStaysBounded() throws Exception {
    OrphanPool pool = new OrphanPool(16);
    BlockProcessor processor = new BlockProcessor(CONSENSUS_GENESIS, new MemoryKeyValueStore(), preValidation(), pool, NO_EXECUTION);
    for (int i = 0; i < 200; i++) {
      byte[] unknown = new byte[32];
      unknown[0] = (byte) i;
      unknown[1] = 1;
      BlockHeader orphan = signed(processor, List.of(Hash.wrap(unknown)), 1, BigInteger.ONE, i);
      assertThat(single(processor.process(orphan))).isInstanceOf(BlockOutcome.Orphaned.class);
    }
    assertThat(pool.size()).isEqualTo(16);
    assertThat(processor.tips()).containsExactly(GENESIS.hash());
  }

  @Test
  void aDuplicateChangesNothing() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    BlockHeader block = child(processor, List.of(GENESIS.hash()), 1);
    processor.process(block);
    assertThat(single(processor.process(block))).isEqualTo(new BlockOutcome.Duplicate(block.hash()));
  }

  @Test
  void rejectsABlockThatWouldReorganiseBelowTheFinalityPoint() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    Hash chain = GENESIS.hash();
    for (int i = 1; i <= 5; i++) {
      BlockHeader block = child(processor, List.of(chain), i);
      processor.process(block);
      chain = block.hash();
    }
    // A hidden branch from genesis, long after finality (depth 3). Its fifth block ties the sink's blue work
    // and becomes the sink if its hash is higher; its sixth is heavier. The first that would be the sink is
    // rejected.
    Hash branch = GENESIS.hash();
    BlockOutcome last;
    int length = 0;
    do {
      length++;
      BlockHeader block = child(processor, List.of(branch), 100 + length);
      last = single(processor.process(block));
      branch = block.hash();
    } while (last instanceof BlockOutcome.Accepted);
    assertThat(length).isBetween(5, 6);
    assertThat(last).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.FinalityViolation.class));
    assertThat(processor.sink()).contains(chain);
  }

  @Test
  void theFinalityPointFollowsALongChain() throws Exception {
    BlockProcessor processor = processor(new MemoryKeyValueStore());
    List<Hash> chain = new ArrayList<>(List.of(GENESIS.hash()));
    for (int i = 1; i <= 12; i++) {
      BlockHeader block = child(processor, List.of(chain.get(i - 1)), i);
      processor.process(block);
      chain.add(block.hash());
    }
    // Sink at blue score 12 and finality depth 3: the finality point is chain block 9.
    List<BlockOutcome> belowFinality = branch(processor, chain.get(8), 5, 100);
    assertThat(belowFinality).anySatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isEqualTo(new RuleViolation.FinalityViolation(chain.get(9)))));
    assertThat(processor.sink()).contains(chain.get(12));

    List<BlockOutcome> atFinality = branch(processor, chain.get(9), 4, 200);
    assertThat(atFinality).allMatch(BlockOutcome.Accepted.class::isInstance);
    assertThat(processor.sink()).contains(atFinality.get(3).block());
  }

  /**
   * Up to {@code length} blocks, each on the one before, from {@code base}, stopping at the first not
   * accepted; the outcome of each in order.
   */
  private static List<BlockOutcome> branch(BlockProcessor processor, Hash base, int length, int salt)
      throws BlockRejectedException {
    List<BlockOutcome> outcomes = new ArrayList<>();
    Hash parent = base;
    for (int i = 1; i <= length; i++) {
      BlockHeader block = child(processor, List.of(parent), salt + i);
      BlockOutcome outcome = single(processor.process(block));
      outcomes.add(outcome);
      if (!(outcome instanceof BlockOutcome.Accepted)) {
        break;
      }
      parent = block.hash();
    }
    return outcomes;
  }

  @Test
  void aReopenedStoreContinuesWhereItStopped(@TempDir Path directory) throws Exception {
    Hash sink;
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      BlockProcessor processor = processor(store);
      BlockHeader block = child(processor, List.of(GENESIS.hash()), 1);
      processor.process(block);
      sink = block.hash();
    }
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      BlockProcessor processor = processor(store);
      assertThat(processor.sink()).contains(sink);
      BlockHeader next = child(processor, List.of(sink), 2);
      assertThat(single(processor.process(next))).isInstanceOf(BlockOutcome.Accepted.class);

      BlockHeader otherGenesis = BlockHeader.builder().timestamp(GENESIS_TIME + 1).gasLimit(1).build();
      assertThatThrownBy(() -> new BlockProcessor(genesis(otherGenesis), store, preValidation(),
          new OrphanPool(10), NO_EXECUTION)).isInstanceOf(IllegalStateException.class).hasMessageContaining("genesis");
    }
  }

  @Test
  void processAllGivesTheOutcomesAndTheStoreOfProcessingOneByOne() throws Exception {
    List<BlockHeader> arrivals = mixedArrivals();
    MemoryKeyValueStore oneByOneStore = new MemoryKeyValueStore();
    BlockProcessor oneByOne = processor(oneByOneStore);
    List<BlockOutcome> expected = new ArrayList<>();
    for (BlockHeader header : arrivals) {
      expected.addAll(oneByOne.process(header));
    }
    MemoryKeyValueStore batchStore = new MemoryKeyValueStore();

    List<BlockOutcome> outcomes = processor(batchStore).processAll(arrivals, PRE_VALIDATION_POOL);

    assertThat(outcomes).isEqualTo(expected);
    assertThat(outcomes).hasAtLeastOneElementOfType(BlockOutcome.Orphaned.class)
        .hasAtLeastOneElementOfType(BlockOutcome.Rejected.class)
        .hasAtLeastOneElementOfType(BlockOutcome.Duplicate.class)
        .anySatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
            rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.BadVrfProof.class)));
    assertThat(contents(batchStore)).isEqualTo(contents(oneByOneStore));
  }

  @Test
  void processAllEncodedDecodesAheadAndRejectsMalformedBytesInPlace() throws Exception {
    List<BlockHeader> arrivals = mixedArrivals();
    List<byte[]> encoded = new ArrayList<>();
    arrivals.forEach(header -> encoded.add(header.encode()));
    byte[] truncated = Arrays.copyOf(encoded.get(0), encoded.get(0).length - 1);
    encoded.add(5, truncated);
    BlockProcessor oneByOne = processor(new MemoryKeyValueStore());
    List<BlockOutcome> expected = new ArrayList<>();
    for (byte[] bytes : encoded) {
      expected.addAll(oneByOne.processEncoded(bytes));
    }

    List<BlockOutcome> outcomes = processor(new MemoryKeyValueStore()).processAllEncoded(encoded, PRE_VALIDATION_POOL);

    assertThat(outcomes).isEqualTo(expected);
    assertThat(outcomes.get(5)).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.Malformed.class));
  }

  @Test
  void processAllWritesAGroupOfBlocksPerCommit() throws Exception {
    BlockProcessor planner = processor(new MemoryKeyValueStore());
    List<BlockHeader> chain = new ArrayList<>();
    Hash parent = GENESIS.hash();
    for (int i = 1; i <= BlockProcessor.GROUP_COMMIT_BLOCKS + 10; i++) {
      BlockHeader block = child(planner, List.of(parent), i);
      planner.process(block);
      chain.add(block);
      parent = block.hash();
    }
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    BlockProcessor processor = processor(store);
    long commitsBefore = store.statistics().commitCount();

    assertThat(processor.processAll(chain, PRE_VALIDATION_POOL)).allMatch(BlockOutcome.Accepted.class::isInstance);

    assertThat(store.statistics().commitCount() - commitsBefore).isEqualTo(2);
    assertThat(processor.sink()).contains(parent);
  }

  @Test
  void aFailedGroupCommitWritesNoneOfItsBlocksAndHaltsTheProcessor() throws Exception {
    BlockProcessor planner = processor(new MemoryKeyValueStore());
    BlockHeader first = child(planner, List.of(GENESIS.hash()), 1);
    planner.process(first);
    BlockHeader second = child(planner, List.of(first.hash()), 2);
    FailingCommitStore store = new FailingCommitStore();
    BlockProcessor processor = processor(store);
    store.failCommits = true;

    assertThatThrownBy(() -> processor.processAll(List.of(first, second), PRE_VALIDATION_POOL))
        .isInstanceOf(StoreFailureException.class);

    assertThatThrownBy(() -> processor.process(second)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("halted");
    store.failCommits = false;
    BlockProcessor reopened = processor(store);
    assertThat(reopened.status(first.hash())).isEmpty();
    assertThat(reopened.tips()).containsExactly(GENESIS.hash());
    assertThat(reopened.processAll(List.of(first, second), PRE_VALIDATION_POOL))
        .allMatch(BlockOutcome.Accepted.class::isInstance);
  }

  /**
   * Blocks of a DAG up to three wide, as they might arrive: one a few places late (its children wait as
   * orphans), a block lying about its blue score and a child of it, a forged signature, a duplicate and a
   * VRF proof by another key.
   */
  private static List<BlockHeader> mixedArrivals() throws Exception {
    BlockProcessor planner = new BlockProcessor(CONSENSUS_GENESIS, new MemoryKeyValueStore(),
        new HeaderPreValidation(PARAMETERS, Long.MAX_VALUE / 4, () -> GENESIS_TIME), new OrphanPool(100), NO_EXECUTION);
    Random random = new Random(7);
    List<BlockHeader> valid = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      List<Hash> tips = planner.tips();
      List<Hash> parents = tips.size() < 3 && random.nextBoolean()
          ? List.of(tips.get(random.nextInt(tips.size())))
          : tips;
      BlockHeader block = child(planner, parents, i);
      planner.process(block);
      valid.add(block);
    }
    List<BlockHeader> arrivals = new ArrayList<>(valid);
    arrivals.add(15, arrivals.remove(10));
    BlockHeader liar = signed(planner, List.of(GENESIS.hash()), 7, BigInteger.ONE, 1000);
    arrivals.add(3, liar);
    arrivals.add(7, signed(planner, List.of(liar.hash()), 2, BigInteger.TWO, 1001));
    GhostdagData onGenesis = planner.ghostdagFor(List.of(GENESIS.hash()));
    arrivals.add(12, unsigned(List.of(GENESIS.hash()), onGenesis.blueScore(), onGenesis.blueWork(), 1002)
        .vrfProof(proof(planner, GENESIS.hash(), 1002)).build().sign(STRANGER.privateKey()));
    arrivals.add(20, valid.get(2));
    // Proved with a key that is not the producer's: the proof verified ahead fails, and so must the block.
    arrivals.add(25, unsigned(List.of(GENESIS.hash()), onGenesis.blueScore(), onGenesis.blueWork(), 1003)
        .vrfProof(planner.slotInput(GENESIS.hash(), GENESIS_TIME + 1003)
            .prove(VrfPrivateKey.fromHex("0x" + "25".repeat(32))).proof().toBytes())
        .build().sign(PRODUCER.privateKey()));
    return arrivals;
  }

  /** Every entry of every store, for comparing two stores whole. */
  private static List<String> contents(KeyValueStore store) {
    List<String> entries = new ArrayList<>();
    for (StoreName name : store.storeNames()) {
      store.scan(name, KeyRange.all(), (key, value) -> entries.add(name + " " + Bytes.toHex(key) + " " + Bytes.toHex(value)));
    }
    return entries;
  }

  private BlockProcessor processor(KeyValueStore store) {
    return new BlockProcessor(CONSENSUS_GENESIS, store, preValidation(), new OrphanPool(100), NO_EXECUTION);
  }

  /** A network whose only validator, holding all stake, is the producer: it wins every slot. */
  private static ConsensusGenesis genesis(BlockHeader header) {
    return new ConsensusGenesis(1337, PARAMETERS, PROPOSERS, header, StakeDistribution.of(
        List.of(new Validator(PRODUCER.address(), PRODUCER_VRF.publicKey(), Wei.ofSalt(1)))));
  }

  private HeaderPreValidation preValidation() {
    return new HeaderPreValidation(PARAMETERS, 0, () -> clock);
  }

  private static BlockOutcome single(List<BlockOutcome> outcomes) {
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }

  private static BlockHeader child(BlockProcessor processor, List<Hash> parents, int salt)
      throws BlockRejectedException {
    GhostdagData data = processor.ghostdagFor(parents);
    return unsigned(parents, data.blueScore(), data.blueWork(), salt)
        .vrfProof(proof(processor, data.selectedParent(), salt))
        .build().sign(PRODUCER.privateKey());
  }

  /**
   * A block whose parents need not be known. Its VRF proof is made on genesis: every block here is in
   * epoch 0, whose seed is the same on every chain.
   */
  private static BlockHeader signed(BlockProcessor processor, List<Hash> parents, long blueScore,
      BigInteger blueWork, int salt) throws BlockRejectedException {
    return unsigned(parents, blueScore, blueWork, salt)
        .vrfProof(proof(processor, GENESIS.hash(), salt))
        .build().sign(PRODUCER.privateKey());
  }

  /** The producer's proof for the slot of a block at {@code GENESIS_TIME + salt} on {@code selectedParent}. */
  private static byte[] proof(BlockProcessor processor, Hash selectedParent, int salt) throws BlockRejectedException {
    return processor.slotInput(selectedParent, GENESIS_TIME + salt).prove(PRODUCER_VRF).proof().toBytes();
  }

  private static BlockHeader.Builder unsigned(List<Hash> parents, long blueScore, BigInteger blueWork, int salt) {
    return BlockHeader.builder()
        .parents(parents)
        .timestamp(GENESIS_TIME + salt)
        .blueScore(blueScore)
        .blueWork(blueWork)
        .gasLimit(30_000_000)
        .producer(PRODUCER.address());
  }
}
