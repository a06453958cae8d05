package io.citrate.consensus.internal;

import static io.citrate.consensus.DagOnly.NO_EXECUTION;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.store.api.MemoryKeyValueStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsensusServiceTest {
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "42".repeat(32)));
  private static final KeyPair STRANGER = KeyPair.of(PrivateKey.fromHex("0x" + "43".repeat(32)));
  private static final VrfPrivateKey PRODUCER_VRF = VrfPrivateKey.fromHex("0x" + "24".repeat(32));
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private static final ConsensusGenesis GENESIS = new ConsensusGenesis(1337, new ConsensusParameters(18, 10, 180, 2),
      ProposerParameters.DEFAULT, BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build(),
      StakeDistribution.of(List.of(new Validator(PRODUCER.address(), PRODUCER_VRF.publicKey(), Wei.of(1)))));
  private static final Hash GENESIS_HASH = GENESIS.header().hash();

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final MetricRegistry metrics = new MetricRegistry();
  private final ConsensusService consensus =
      new ConsensusService(GENESIS, store, NO_EXECUTION, 8, 0, () -> GENESIS_TIME + 1_000_000, metrics);

  @AfterEach
  void closeStore() {
    consensus.close();
    store.close();
  }

  @Test
  void startsAtGenesis() {
    assertThat(consensus.genesis()).isSameAs(GENESIS);
    assertThat(consensus.sink()).isEqualTo(GENESIS_HASH);
    assertThat(consensus.tips()).containsExactly(GENESIS_HASH);
    assertThat(consensus.selectedChainHeight()).isZero();
    assertThat(consensus.selectedChainBlockAt(0)).contains(GENESIS_HASH);
    assertThat(consensus.finalityPoint()).isEqualTo(GENESIS_HASH);
    assertThat(consensus.header(GENESIS_HASH)).contains(GENESIS.header());
    assertThat(consensus.ghostdagData(GENESIS_HASH)).contains(GhostdagData.genesis());
    assertThat(consensus.status(GENESIS_HASH)).contains(BlockStatus.VALID);
    assertThat(consensus.orphanCount()).isZero();
  }

  @Test
  void answersEveryReadAboutAcceptedBlocks() throws Exception {
    BlockHeader a = submitChild(List.of(GENESIS_HASH), 1);
    BlockHeader b = submitChild(List.of(GENESIS_HASH), 2);
    BlockHeader merge = submitChild(sorted(a.hash(), b.hash()), 3);

    assertThat(consensus.sink()).isEqualTo(merge.hash());
    assertThat(consensus.tips()).containsExactly(merge.hash());
    assertThat(consensus.selectedChainHeight()).isEqualTo(2);
    Hash selectedParent = consensus.ghostdagData(merge.hash()).orElseThrow().selectedParent();
    Hash merged = selectedParent.equals(a.hash()) ? b.hash() : a.hash();
    assertThat(consensus.selectedChainBlockAt(1)).contains(selectedParent);
    assertThat(consensus.selectedChainBlockAt(2)).contains(merge.hash());
    assertThat(consensus.selectedChainBlockAt(3)).isEmpty();
    assertThat(consensus.selectedChainBlockAt(-1)).isEmpty();
    assertThat(consensus.selectedChainPosition(merge.hash())).hasValue(2);
    assertThat(consensus.selectedChainPosition(merged)).isEmpty();
    assertThat(consensus.children(GENESIS_HASH)).containsExactlyElementsOf(sorted(a.hash(), b.hash()));
    assertThat(consensus.children(merge.hash())).isEmpty();
    assertThat(consensus.header(merge.hash())).contains(merge);
    assertThat(consensus.ghostdagData(merge.hash()).orElseThrow().mergesetBlues())
        .containsExactly(selectedParent, merged);
    assertThat(consensus.isDagAncestorOf(merged, merge.hash())).isTrue();
    assertThat(consensus.isDagAncestorOf(a.hash(), b.hash())).isFalse();
  }

  @Test
  void theFinalityPointFollowsTheSinkByTheFinalityDepth() throws Exception {
    Hash parent = GENESIS_HASH;
    for (int i = 1; i <= 5; i++) {
      parent = submitChild(List.of(parent), i).hash();
    }
    // Depth 2 below blue score 5: the chain block with blue score 3.
    assertThat(consensus.finalityPoint()).isEqualTo(consensus.selectedChainBlockAt(3).orElseThrow());
  }

  @Test
  void aBatchGivesTheOutcomesOfSubmittingOneByOne() throws Exception {
    BlockHeader a = child(List.of(GENESIS_HASH), 1);
    BlockHeader b = child(List.of(GENESIS_HASH), 2);
    BlockHeader forged = child(List.of(GENESIS_HASH), 3).sign(STRANGER.privateKey());
    ConsensusService planner = new ConsensusService(GENESIS, new MemoryKeyValueStore(), NO_EXECUTION, 8, 0,
        () -> GENESIS_TIME + 1_000_000, new MetricRegistry());
    planner.submit(a);
    planner.submit(b);
    GhostdagData mergeData = planner.ghostdagFor(sorted(a.hash(), b.hash()));
    BlockHeader merge = block(sorted(a.hash(), b.hash()), mergeData.blueScore(), mergeData.blueWork(), 4);
    planner.close();
    // The merge arrives before its parents and waits for them as an orphan.
    List<byte[]> batch = List.of(merge.encode(), a.encode(), new byte[] {(byte) 0xc0}, forged.encode(), b.encode());

    List<BlockOutcome> outcomes = consensus.submitAllEncoded(batch);

    assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName() + " " + outcome.block())
        .containsExactly("Orphaned " + merge.hash(), "Accepted " + a.hash(),
            "Rejected " + outcomes.get(2).block(), "Rejected " + forged.hash(), "Accepted " + b.hash(),
            "Accepted " + merge.hash());
    assertThat(consensus.sink()).isEqualTo(merge.hash());
    assertThat(count("blocks.accepted")).isEqualTo(3);
    assertThat(metrics.timer("processing").getCount()).isEqualTo(1);
  }

  @Test
  void unknownBlocksHaveNoData() {
    Hash unknown = Hash.wrap(new byte[32]);
    assertThat(consensus.status(unknown)).isEmpty();
    assertThat(consensus.rejectionReason(unknown)).isEmpty();
    assertThat(consensus.header(unknown)).isEmpty();
    assertThat(consensus.ghostdagData(unknown)).isEmpty();
    assertThat(consensus.children(unknown)).isEmpty();
    assertThat(consensus.selectedChainPosition(unknown)).isEmpty();
    assertThat(consensus.isDagAncestorOf(unknown, GENESIS_HASH)).isFalse();
    assertThat(consensus.isDagAncestorOf(GENESIS_HASH, unknown)).isFalse();
  }

  @Test
  void malformedBytesAreRejectedAndChangeNothing() throws Exception {
    BlockOutcome outcome = single(consensus.submitEncoded(new byte[] {(byte) 0xc1, 0x00}));

    assertThat(outcome).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.Malformed.class));
    assertThat(consensus.status(outcome.block())).isEmpty();
    assertThat(consensus.tips()).containsExactly(GENESIS_HASH);
    assertThat(single(consensus.submitEncoded(child(List.of(GENESIS_HASH), 1).encode())))
        .isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void aBadlySignedBlockIsRejectedWithItsReasonKept() throws Exception {
    BlockHeader good = child(List.of(GENESIS_HASH), 1);
    BlockHeader forged = good.sign(STRANGER.privateKey());

    assertThat(single(consensus.submit(forged))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.BadSignature.class));
    assertThat(consensus.status(forged.hash())).contains(BlockStatus.INVALID);
    assertThat(consensus.rejectionReason(forged.hash())).hasValueSatisfying(
        reason -> assertThat(reason).startsWith("producer signature does not verify"));
    assertThat(consensus.header(forged.hash())).isEmpty();
    assertThat(consensus.tips()).containsExactly(GENESIS_HASH);
    assertThat(single(consensus.submit(good))).isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void countsOrphansUntilTheirParentArrives() throws Exception {
    BlockHeader parent = child(List.of(GENESIS_HASH), 1);
    GhostdagData parentData = consensus.ghostdagFor(List.of(GENESIS_HASH));
    BlockHeader orphan = block(List.of(parent.hash()), parentData.blueScore() + 1,
        parentData.blueWork().add(BigInteger.ONE), 2);

    assertThat(single(consensus.submit(orphan))).isInstanceOf(BlockOutcome.Orphaned.class);
    assertThat(consensus.orphanCount()).isEqualTo(1);
    assertThat(consensus.submit(parent)).hasSize(2).allMatch(BlockOutcome.Accepted.class::isInstance);
    assertThat(consensus.orphanCount()).isZero();
    assertThat(consensus.sink()).isEqualTo(orphan.hash());
  }

  @Test
  void metricsCountEachOutcomeAndShowTheDag() throws Exception {
    BlockHeader a = submitChild(List.of(GENESIS_HASH), 1);
    BlockHeader b = submitChild(List.of(GENESIS_HASH), 2);
    submitChild(sorted(a.hash(), b.hash()), 3);
    consensus.submit(a);
    consensus.submitEncoded(new byte[] {1, 2, 3});
    consensus.submit(child(List.of(GENESIS_HASH), 4).sign(STRANGER.privateKey()));
    BlockHeader unknownParent = BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(1).build();
    consensus.submit(block(List.of(unknownParent.hash()), 1, BigInteger.ONE, 5));

    assertThat(count(ConsensusMetrics.ACCEPTED)).isEqualTo(3);
    assertThat(count(ConsensusMetrics.DUPLICATES)).isEqualTo(1);
    assertThat(count(ConsensusMetrics.REJECTED)).isEqualTo(2);
    assertThat(count("blocks.rejected.malformed")).isEqualTo(1);
    assertThat(count("blocks.rejected.bad-signature")).isEqualTo(1);
    assertThat(count(ConsensusMetrics.ORPHANED)).isEqualTo(1);
    assertThat(count(ConsensusMetrics.REDS)).isZero();
    assertThat(metrics.timer(ConsensusMetrics.PROCESSING).getCount()).isEqualTo(7);
    assertThat(gauge(ConsensusMetrics.ORPHANS)).isEqualTo(1);
    assertThat(gauge(ConsensusMetrics.TIPS)).isEqualTo(1);
    assertThat(gauge(ConsensusMetrics.SINK_BLUE_SCORE)).isEqualTo(3L);
    assertThat(gauge(ConsensusMetrics.CHAIN_HEIGHT)).isEqualTo(2L);
  }

  @Test
  void metricsCountTheRedBlocksAMergeColours() throws Exception {
    // k = 1: of three parallel blocks merged at once, the third has two blues in its anticone.
    ConsensusGenesis smallK = new ConsensusGenesis(1337, new ConsensusParameters(1, 10, 180, 100),
        GENESIS.proposers(), GENESIS.header(), GENESIS.validators());
    MetricRegistry registry = new MetricRegistry();
    try (MemoryKeyValueStore smallKStore = new MemoryKeyValueStore()) {
      ConsensusService service = new ConsensusService(smallK, smallKStore, NO_EXECUTION, 8, 0, () -> GENESIS_TIME + 1_000_000,
          registry);
      List<Hash> parallel = new ArrayList<>();
      for (int salt = 1; salt <= 3; salt++) {
        GhostdagData data = service.ghostdagFor(List.of(GENESIS_HASH));
        BlockHeader block = block(List.of(GENESIS_HASH), data.blueScore(), data.blueWork(), salt);
        service.submit(block);
        parallel.add(block.hash());
      }
      List<Hash> parents = parallel.stream().sorted().toList();
      GhostdagData mergeData = service.ghostdagFor(parents);
      BlockOutcome merge = single(service.submit(block(parents, mergeData.blueScore(), mergeData.blueWork(), 4)));

      assertThat(merge).isInstanceOfSatisfying(BlockOutcome.Accepted.class,
          accepted -> assertThat(accepted.ghostdag().mergesetReds()).hasSize(1));
      assertThat(registry.counter(ConsensusMetrics.REDS).getCount()).isEqualTo(1);
      service.close();
    }
  }

  @Test
  void closingRemovesTheGaugesThatReadTheStore() {
    consensus.close();
    assertThat(metrics.getGauges()).isEmpty();
    assertThat(metrics.getCounters()).containsKey(ConsensusMetrics.ACCEPTED);
  }

  @Test
  void ruleNamesAreKebabCase() {
    assertThat(ConsensusMetrics.ruleName(new RuleViolation.BadSignature("x"))).isEqualTo("bad-signature");
    assertThat(ConsensusMetrics.ruleName(new RuleViolation.TimestampInFuture(2, 1))).isEqualTo("timestamp-in-future");
    assertThat(ConsensusMetrics.ruleName(new RuleViolation.Malformed("x"))).isEqualTo("malformed");
  }

  @Test
  void refusesAStoreOfAnotherGenesis() {
    ConsensusGenesis other = new ConsensusGenesis(1337, GENESIS.parameters(), GENESIS.proposers(),
        BlockHeader.builder().timestamp(GENESIS_TIME + 1).gasLimit(30_000_000).build(), GENESIS.validators());
    assertThatThrownBy(() -> new ConsensusService(other, store, NO_EXECUTION, 8, 0, () -> 0, new MetricRegistry()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("genesis");
  }

  private long count(String name) {
    Counter counter = metrics.getCounters().get(name);
    return counter == null ? 0 : counter.getCount();
  }

  private Object gauge(String name) {
    Gauge<?> gauge = metrics.getGauges().get(name);
    return gauge.getValue();
  }

  private BlockHeader submitChild(List<Hash> parents, int salt) throws Exception {
    BlockHeader block = child(parents, salt);
    assertThat(single(consensus.submit(block))).isInstanceOf(BlockOutcome.Accepted.class);
    return block;
  }

  private BlockHeader child(List<Hash> parents, int salt) throws Exception {
    GhostdagData data = consensus.ghostdagFor(parents);
    return block(parents, data.blueScore(), data.blueWork(), salt);
  }

  /**
   * The producer's proof for the slot of {@code timestamp}. Every block of this test is in the first epoch,
   * whose seed comes from genesis alone, so the proof holds whichever parents the block has.
   */
  private byte[] slotProof(long timestamp) throws Exception {
    return consensus.slotInput(GENESIS_HASH, timestamp).prove(PRODUCER_VRF).proof().toBytes();
  }

  /** Every block of this test is made here: signed by the producer, made distinct by its salt. */
  private BlockHeader block(List<Hash> parents, long blueScore, BigInteger blueWork, int salt) throws Exception {
    return BlockHeader.builder()
        .parents(parents)
        .timestamp(GENESIS_TIME + salt)
        .blueScore(blueScore)
        .blueWork(blueWork)
        .gasLimit(30_000_000)
        .producer(PRODUCER.address())
        .vrfProof(slotProof(GENESIS_TIME + salt))
        .build()
        .sign(PRODUCER.privateKey());
  }

  private static List<Hash> sorted(Hash first, Hash second) {
    return first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
  }

  private static BlockOutcome single(List<BlockOutcome> outcomes) {
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }
}
