package io.citrate.consensus.internal.pipeline;

import static io.citrate.consensus.DagOnly.NO_EXECUTION;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.consensus.internal.proposer.ProposerLottery;
import io.citrate.consensus.internal.store.KeyValueChainRandomnessStore;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.consensus.internal.store.KeyValueHeaderStore;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.store.api.MemoryKeyValueStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The proposer stage of the pipeline: slots, VRF proofs and the lottery, seen through whole blocks. */
class BlockProcessorProposerTest {
  private static final long CHAIN_ID = 1337;
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private static final long SLOT_MILLIS = 1_000;
  private static final BlockHeader GENESIS =
      BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build();
  private static final ConsensusParameters PARAMETERS = new ConsensusParameters(18, 10, 180, 1_000);

  private static final Producer WHALE = producer(1);
  private static final Producer MINNOW = producer(2);
  private static final Producer UNBONDED = producer(3);
  private static final Producer STRANGER = producer(4);

  /**
   * WHALE holds all stake but one wei, so it wins every slot in practice; MINNOW's one wei almost never
   * wins; UNBONDED has no stake; STRANGER is no validator. Two-slot epochs, so a few blocks cross several.
   */
  private static final ConsensusGenesis NETWORK = new ConsensusGenesis(CHAIN_ID, PARAMETERS,
      new ProposerParameters(SLOT_MILLIS, 1, 2), GENESIS, StakeDistribution.of(List.of(
          WHALE.withStake(Wei.ofSalt(1)), MINNOW.withStake(Wei.ONE), UNBONDED.withStake(Wei.ZERO))));

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();

  @Test
  void anAllStakeValidatorIsAcceptedInEverySlot() throws Exception {
    ConsensusGenesis devnet = new ConsensusGenesis(CHAIN_ID, PARAMETERS,
        new ProposerParameters(SLOT_MILLIS, 1, 3), GENESIS, StakeDistribution.of(List.of(WHALE.withStake(Wei.ONE))));
    BlockProcessor processor = processor(devnet);
    Hash tip = GENESIS.hash();
    // Slot 0 (the genesis timestamp itself), every slot of five epochs, then a jump across many empty epochs.
    List<Long> slots = new ArrayList<>();
    for (long slot = 0; slot < 15; slot++) {
      slots.add(slot);
    }
    slots.add(1_000_000L);
    for (long slot : slots) {
      BlockHeader block = block(processor, WHALE, List.of(tip), at(slot));
      assertThat(single(processor.process(block))).as("slot %d", slot).isInstanceOf(BlockOutcome.Accepted.class);
      tip = block.hash();
    }
    assertThat(processor.sink()).contains(tip);
  }

  @Test
  void everyWinnerOfASlotMakesAParallelBlockAndTheyMergeBlue() throws Exception {
    List<Producer> validators = List.of(producer(11), producer(12), producer(13), producer(14));
    StakeDistribution stakes = StakeDistribution.of(validators.stream().map(v -> v.withStake(Wei.ofSalt(1))).toList());
    // Two expected producers among four equal stakes: each validator wins a slot with probability 1/2.
    ConsensusGenesis network = new ConsensusGenesis(CHAIN_ID, PARAMETERS,
        new ProposerParameters(SLOT_MILLIS, 2, 1_000), GENESIS, stakes);
    ProposerLottery lottery = new ProposerLottery(2);
    BlockProcessor processor = processor(network);

    // The first slot with at least two winners and a loser.
    long searched = 0;
    List<Producer> found;
    do {
      searched++;
      found = winners(processor, lottery, stakes, validators, GENESIS.hash(), searched);
    } while (found.size() < 2 || found.size() == validators.size());
    long slot = searched;
    List<Producer> winners = found;
    List<Hash> parallel = new ArrayList<>();
    for (Producer winner : winners) {
      BlockHeader block = block(processor, winner, List.of(GENESIS.hash()), at(slot));
      assertThat(single(processor.process(block))).isInstanceOf(BlockOutcome.Accepted.class);
      parallel.add(block.hash());
    }
    Producer loser = validators.stream().filter(v -> !winners.contains(v)).findFirst().orElseThrow();
    BlockHeader lost = block(processor, loser, List.of(GENESIS.hash()), at(slot));
    assertThat(single(processor.process(lost))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation())
            .isInstanceOfSatisfying(RuleViolation.ProducerNotEligible.class, violation -> {
              assertThat(violation.producer()).isEqualTo(loser.address());
              assertThat(violation.slot()).isEqualTo(slot);
              assertThat(violation.message()).contains("did not win slot " + slot);
            }));
    Collections.sort(parallel);
    assertThat(processor.tips()).containsExactlyElementsOf(parallel);

    Hash selectedParent = processor.ghostdagFor(parallel).selectedParent();
    long mergeSlot = slot + 1;
    while (winners(processor, lottery, stakes, validators, selectedParent, mergeSlot).isEmpty()) {
      mergeSlot++;
    }
    Producer mergeProducer = winners(processor, lottery, stakes, validators, selectedParent, mergeSlot).get(0);
    BlockHeader merge = block(processor, mergeProducer, parallel, at(mergeSlot));
    BlockOutcome.Accepted merged = (BlockOutcome.Accepted) single(processor.process(merge));
    assertThat(merged.ghostdag().mergesetBlues()).containsExactlyInAnyOrderElementsOf(parallel);
    assertThat(merged.ghostdag().mergesetReds()).isEmpty();
    assertThat(merged.ghostdag().blueScore()).isEqualTo(1 + parallel.size());
    assertThat(processor.tips()).containsExactly(merge.hash());
  }

  @Test
  void aProducerLearnsBeforeBuildingThatATicketForAnotherSeedLoses() throws Exception {
    BlockProcessor processor = processor(NETWORK);
    SlotInput input = processor.slotInput(GENESIS.hash(), at(1));
    assertThat(processor.proposerVerdict(WHALE.address(), GENESIS.hash(), input.prove(WHALE.vrf()))).isEmpty();
    SlotInput otherSeed = new SlotInput(CHAIN_ID, Hash.ZERO, 1);
    assertThat(processor.proposerVerdict(WHALE.address(), GENESIS.hash(), otherSeed.prove(WHALE.vrf())))
        .hasValueSatisfying(violation -> assertThat(violation).isInstanceOf(RuleViolation.BadVrfProof.class));
    assertThat(processor.proposerVerdict(STRANGER.address(), GENESIS.hash(), input.prove(STRANGER.vrf())))
        .hasValueSatisfying(violation -> assertThat(violation).isInstanceOf(RuleViolation.UnknownProducer.class));
  }

  static Stream<Arguments> badBlocks() {
    return Stream.of(
        arguments("garbage proof bytes", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot), filled(81, 0x5a)), RuleViolation.BadVrfProof.class),
        arguments("a proof too short", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot), filled(3, 1)), RuleViolation.BadVrfProof.class),
        arguments("a proof by another key", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot), proof(processor.slotInput(parent, at(slot)), MINNOW)),
            RuleViolation.BadVrfProof.class),
        arguments("a proof of another slot", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot), proof(processor.slotInput(parent, at(slot + 1)), WHALE)),
            RuleViolation.BadVrfProof.class),
        arguments("a proof over another seed", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot), proof(new SlotInput(CHAIN_ID, Hash.EMPTY, slot), WHALE)),
            RuleViolation.BadVrfProof.class),
        arguments("a proof for another chain", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, at(slot),
                proof(new SlotInput(CHAIN_ID + 1, processor.slotInput(parent, at(slot)).seed(), slot), WHALE)),
            RuleViolation.BadVrfProof.class),
        arguments("a producer that is no validator", (BadBlock) (processor, parent, slot) ->
            block(processor, STRANGER, List.of(parent), at(slot)), RuleViolation.UnknownProducer.class),
        arguments("a validator without stake", (BadBlock) (processor, parent, slot) ->
            block(processor, UNBONDED, List.of(parent), at(slot)), RuleViolation.ProducerWithoutStake.class),
        arguments("a loser of the lottery", (BadBlock) (processor, parent, slot) ->
            block(processor, MINNOW, List.of(parent), at(slot)), RuleViolation.ProducerNotEligible.class),
        arguments("a timestamp before genesis", (BadBlock) (processor, parent, slot) ->
            header(WHALE, parent, processor, GENESIS_TIME - 1, proof(processor.slotInput(parent, at(slot)), WHALE)),
            RuleViolation.TimestampBeforeGenesis.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBlocks")
  void aBadProposerClaimIsRecordedInvalidAndChangesNothingElse(String name, BadBlock bad,
      Class<? extends RuleViolation> expected) throws Exception {
    BlockProcessor processor = processor(NETWORK);
    BlockHeader first = block(processor, WHALE, List.of(GENESIS.hash()), at(1));
    processor.process(first);
    List<Hash> tips = processor.tips();
    Optional<Hash> sink = processor.sink();

    BlockHeader block = bad.make(processor, first.hash(), 4);
    BlockOutcome outcome = single(processor.process(block));

    assertThat(outcome).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(expected));
    assertThat(processor.status(block.hash())).contains(BlockStatus.INVALID);
    assertThat(processor.tips()).isEqualTo(tips);
    assertThat(processor.sink()).isEqualTo(sink);
    assertThat(new KeyValueHeaderStore(store).has(block.hash())).isFalse();
    assertThat(new KeyValueChainRandomnessStore(store).has(block.hash())).isFalse();

    BlockHeader next = block(processor, WHALE, List.of(first.hash()), at(4));
    assertThat(single(processor.process(next))).isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void aHeaderWithoutAVrfProofIsMalformedAndChangesNothing() throws Exception {
    BlockProcessor processor = processor(NETWORK);
    BlockHeader withProof = header(WHALE, GENESIS.hash(), processor, at(1), new byte[] {0x7f});
    // The one-byte proof 0x7f encodes as itself, right after the producer (0x94 || 20 bytes); 0x80 is empty.
    byte[] encoded = withProof.encode();
    int proofAt = indexOf(encoded, Bytes.concat(new byte[] {(byte) 0x94}, WHALE.address().toArray()))
        + 1 + Address.SIZE;
    assertThat(encoded[proofAt]).isEqualTo((byte) 0x7f);
    encoded[proofAt] = (byte) 0x80;

    assertThat(single(processor.processEncoded(encoded))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation().message()).contains("vrfProof may be empty only in the genesis"));
    assertThat(processor.tips()).containsExactly(GENESIS.hash());
    BlockHeader next = block(processor, WHALE, List.of(GENESIS.hash()), at(1));
    assertThat(single(processor.process(next))).isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void aBlockProvesAgainstItsOwnChainNotTheSink() throws Exception {
    BlockProcessor processor = processor(NETWORK);
    // Epochs are two slots long. The long branch holds the sink; the short one has its own epoch 0 block.
    BlockHeader shortBranch = block(processor, WHALE, List.of(GENESIS.hash()), at(0));
    processor.process(shortBranch);
    Hash longBranch = GENESIS.hash();
    for (long slot = 1; slot <= 3; slot++) {
      BlockHeader block = block(processor, WHALE, List.of(longBranch), at(slot));
      processor.process(block);
      longBranch = block.hash();
    }
    assertThat(processor.sink()).contains(longBranch);

    // Slot 4 opens epoch 2, seeded by the last block of epoch 0 on each chain: they differ.
    SlotInput onShortBranch = processor.slotInput(shortBranch.hash(), at(4));
    assertThat(onShortBranch.seed()).isNotEqualTo(processor.slotInput(longBranch, at(4)).seed());
    BlockHeader provedOnTheSink = header(WHALE, shortBranch.hash(), processor, at(4),
        proof(processor.slotInput(longBranch, at(4)), WHALE));
    assertThat(single(processor.process(provedOnTheSink))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isInstanceOf(RuleViolation.BadVrfProof.class));
    BlockHeader provedOnItsChain = header(WHALE, shortBranch.hash(), processor, at(4), proof(onShortBranch, WHALE));
    assertThat(single(processor.process(provedOnItsChain))).isInstanceOf(BlockOutcome.Accepted.class);
  }

  @Test
  void theSameBlocksInAnyArrivalOrderGiveTheSameSeedsAndOutcomes() throws Exception {
    List<Producer> validators = List.of(producer(21), producer(22));
    StakeDistribution stakes = StakeDistribution.of(validators.stream().map(v -> v.withStake(Wei.ofSalt(1))).toList());
    ConsensusGenesis network = new ConsensusGenesis(CHAIN_ID, PARAMETERS, new ProposerParameters(SLOT_MILLIS, 1, 2),
        GENESIS, stakes);
    ProposerLottery lottery = new ProposerLottery(1);

    // Built in order on one node: each block on one to three random tips or a random older block, by
    // whichever validator wins the slot on its selected parent; a losing claim is kept among them too.
    BlockProcessor builder = new BlockProcessor(network, store, preValidation(), new OrphanPool(100), NO_EXECUTION);
    Random random = new Random(7);
    List<BlockHeader> blocks = new ArrayList<>();
    List<Hash> built = new ArrayList<>(List.of(GENESIS.hash()));
    boolean loserIncluded = false;
    for (long slot = 1; blocks.size() < 30; slot += 1 + random.nextInt(2)) {
      List<Hash> parents = parentsFor(builder, built, random);
      Hash selectedParent = builder.ghostdagFor(parents).selectedParent();
      List<Producer> winners = winners(builder, lottery, stakes, validators, selectedParent, slot);
      if (!loserIncluded && winners.size() < validators.size()) {
        Producer loser = validators.stream().filter(v -> !winners.contains(v)).findFirst().orElseThrow();
        BlockHeader lost = block(builder, loser, parents, at(slot));
        builder.process(lost);
        blocks.add(lost);
        loserIncluded = true;
      }
      if (!winners.isEmpty()) {
        BlockHeader block = block(builder, winners.get(0), parents, at(slot));
        builder.process(block);
        blocks.add(block);
        built.add(block.hash());
      }
    }

    List<BlockHeader> reversed = new ArrayList<>(blocks);
    Collections.reverse(reversed);
    List<BlockHeader> shuffled = new ArrayList<>(blocks);
    Collections.shuffle(shuffled, new Random(11));
    Map<Hash, String> expected = summary(builder, store, blocks);
    assertThat(expected.values()).containsOnlyOnce(BlockStatus.INVALID.toString());
    for (List<BlockHeader> order : List.of(reversed, shuffled)) {
      MemoryKeyValueStore otherStore = new MemoryKeyValueStore();
      BlockProcessor other = new BlockProcessor(network, otherStore, preValidation(), new OrphanPool(100), NO_EXECUTION);
      order.forEach(other::process);
      assertThat(summary(other, otherStore, blocks)).isEqualTo(expected);
      assertThat(other.tips()).isEqualTo(builder.tips());
      assertThat(other.sink()).isEqualTo(builder.sink());
    }
  }

  @Test
  void theStakeOfEachEpochComesFromTheStakeSource() throws Exception {
    StakeDistribution whaleOnly = StakeDistribution.of(List.of(WHALE.withStake(Wei.ONE)));
    StakeDistribution minnowOnly = StakeDistribution.of(List.of(MINNOW.withStake(Wei.ONE)));
    List<String> asked = new ArrayList<>();
    BlockProcessor processor = new BlockProcessor(NETWORK, store, preValidation(), new OrphanPool(10),
        (selectedParent, epoch) -> {
          asked.add(selectedParent + "@" + epoch);
          return epoch == 0 ? whaleOnly : minnowOnly;
        }, NO_EXECUTION);

    BlockHeader early = block(processor, MINNOW, List.of(GENESIS.hash()), at(1));
    assertThat(single(processor.process(early))).isInstanceOfSatisfying(BlockOutcome.Rejected.class,
        rejected -> assertThat(rejected.violation()).isEqualTo(new RuleViolation.UnknownProducer(MINNOW.address())));
    BlockHeader inEpochOne = block(processor, MINNOW, List.of(GENESIS.hash()), at(2));
    assertThat(single(processor.process(inEpochOne))).isInstanceOf(BlockOutcome.Accepted.class);
    assertThat(asked).containsExactly(GENESIS.hash() + "@0", GENESIS.hash() + "@1");
  }

  @Test
  void aProducerAsksForASlotInputOnlyOnAValidBlockAndAValidTimestamp() throws Exception {
    BlockProcessor processor = processor(NETWORK);
    BlockHeader block = block(processor, WHALE, List.of(GENESIS.hash()), at(3));
    processor.process(block);

    assertThat(processor.slotInput(block.hash(), at(5))).isEqualTo(processor.slotInput(block.hash(), at(5) + 999));
    assertThat(processor.slotInput(block.hash(), at(5)).slot()).isEqualTo(5);
    assertThatThrownBy(() -> processor.slotInput(block.hash(), at(2)))
        .isInstanceOfSatisfying(BlockRejectedException.class, rejected -> assertThat(rejected.violation())
            .isEqualTo(new RuleViolation.TimestampBeforeSelectedParent(at(2), at(3))));
    assertThatThrownBy(() -> processor.slotInput(GENESIS.hash(), GENESIS_TIME - 1))
        .isInstanceOfSatisfying(BlockRejectedException.class, rejected -> assertThat(rejected.violation())
            .isEqualTo(new RuleViolation.TimestampBeforeGenesis(GENESIS_TIME - 1, GENESIS_TIME)));
    assertThatThrownBy(() -> processor.slotInput(Hash.EMPTY, at(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid block");
  }

  /** A block that breaks one proposer rule, built on {@code parent} for {@code slot}. */
  @FunctionalInterface
  interface BadBlock {
    BlockHeader make(BlockProcessor processor, Hash parent, long slot) throws Exception;
  }

  /** A producer's signing key and VRF key, derived from {@code index} so that tests are repeatable. */
  private record Producer(KeyPair signer, VrfPrivateKey vrf) {
    Address address() {
      return signer.address();
    }

    Validator withStake(Wei stake) {
      return new Validator(address(), vrf.publicKey(), stake);
    }
  }

  private static Producer producer(int index) {
    return new Producer(KeyPair.of(PrivateKey.fromHex(String.format("0x%064x", 0x1000 + index))),
        VrfPrivateKey.fromHex(String.format("0x%064x", 0x2000 + index)));
  }

  /** The validators whose proofs win {@code slot} on the chain through {@code selectedParent}. */
  private static List<Producer> winners(BlockProcessor processor, ProposerLottery lottery, StakeDistribution stakes,
      List<Producer> validators, Hash selectedParent, long slot) throws BlockRejectedException {
    SlotInput input = processor.slotInput(selectedParent, at(slot));
    List<Producer> winners = validators.stream()
        .filter(v -> lottery.checkEligibility(v.address(), stakes, input, input.prove(v.vrf()).proof()).isEligible())
        .toList();
    // The producer's own question must get the lottery's answer.
    for (Producer validator : validators) {
      assertThat(processor.proposerVerdict(validator.address(), selectedParent, input.prove(validator.vrf())))
          .as("verdict for %s", validator.address())
          .matches(verdict -> verdict.isEmpty() == winners.contains(validator));
    }
    return winners;
  }

  private BlockProcessor processor(ConsensusGenesis genesis) {
    return new BlockProcessor(genesis, store, preValidation(), new OrphanPool(100), NO_EXECUTION);
  }

  private static HeaderPreValidation preValidation() {
    return new HeaderPreValidation(PARAMETERS, Long.MAX_VALUE / 4, () -> GENESIS_TIME);
  }

  private static long at(long slot) {
    return GENESIS_TIME + slot * SLOT_MILLIS;
  }

  /** A block by {@code producer} with its proof for the slot of {@code timestamp} on its selected parent. */
  private static BlockHeader block(BlockProcessor processor, Producer producer, List<Hash> parents, long timestamp)
      throws BlockRejectedException {
    GhostdagData data = processor.ghostdagFor(parents);
    byte[] proof = proof(processor.slotInput(data.selectedParent(), timestamp), producer);
    return header(producer, parents, data, timestamp, proof);
  }

  private static BlockHeader header(Producer producer, Hash parent, BlockProcessor processor, long timestamp,
      byte[] proof) throws BlockRejectedException {
    return header(producer, List.of(parent), processor.ghostdagFor(List.of(parent)), timestamp, proof);
  }

  private static BlockHeader header(Producer producer, List<Hash> parents, GhostdagData data, long timestamp,
      byte[] proof) {
    return BlockHeader.builder()
        .parents(parents.stream().sorted().toList())
        .timestamp(timestamp)
        .blueScore(data.blueScore())
        .blueWork(data.blueWork())
        .gasLimit(30_000_000)
        .producer(producer.address())
        .vrfProof(proof)
        .build()
        .sign(producer.signer().privateKey());
  }

  private static byte[] proof(SlotInput input, Producer producer) {
    return input.prove(producer.vrf()).proof().toBytes();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** One to three current tips, or now and then a single older block, so that the DAG forks and merges. */
  private static List<Hash> parentsFor(BlockProcessor processor, List<Hash> built, Random random) {
    if (random.nextInt(4) == 0) {
      return List.of(built.get(random.nextInt(built.size())));
    }
    List<Hash> tips = new ArrayList<>(processor.tips());
    Collections.shuffle(tips, random);
    return tips.subList(0, 1 + random.nextInt(Math.min(3, tips.size()))).stream().sorted().toList();
  }

  /** Per block, in a fixed order: its status and, when valid, its GHOSTDAG data and chain randomness. */
  private static Map<Hash, String> summary(BlockProcessor processor, MemoryKeyValueStore store,
      List<BlockHeader> blocks) {
    KeyValueGhostdagStore ghostdag = new KeyValueGhostdagStore(store);
    KeyValueChainRandomnessStore randomness = new KeyValueChainRandomnessStore(store);
    Map<Hash, String> summary = new LinkedHashMap<>();
    for (BlockHeader block : blocks) {
      Hash hash = block.hash();
      BlockStatus status = processor.status(hash).orElseThrow();
      summary.put(hash, status == BlockStatus.VALID
          ? status + " " + ghostdag.get(hash) + " " + randomness.get(hash)
          : status.toString());
    }
    return summary;
  }

  private static BlockOutcome single(List<BlockOutcome> outcomes) {
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }
}
