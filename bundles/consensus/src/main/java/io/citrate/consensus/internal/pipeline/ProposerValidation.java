package io.citrate.consensus.internal.pipeline;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.consensus.internal.proposer.EpochSeeds;
import io.citrate.consensus.internal.proposer.EpochStakes;
import io.citrate.consensus.internal.proposer.ProposerLottery;
import io.citrate.consensus.internal.proposer.SlotEligibility;
import io.citrate.consensus.internal.proposer.SlotSchedule;
import io.citrate.consensus.internal.proposer.SpeculativeProof;
import io.citrate.consensus.internal.store.ChainRandomness;
import io.citrate.consensus.internal.store.ChainRandomnessStoreReader;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.Optional;

/**
 * The proposer checks: the slot a block's timestamp puts it in, and that its producer won that slot's
 * lottery with the VRF proof the block carries (a header without a proof does not decode). The slot needs
 * nothing but the header, so it is checked before the block can wait as an orphan. Eligibility needs the
 * selected parent, because the slot's seed comes from the selected chain ({@link EpochSeeds}); it runs after
 * GHOSTDAG.
 */
final class ProposerValidation {
  private final long chainId;
  private final SlotSchedule schedule;
  private final ProposerLottery lottery;
  private final EpochStakes stakes;
  private final ChainRandomnessStoreReader randomness;

  ProposerValidation(long chainId, SlotSchedule schedule, ProposerLottery lottery, EpochStakes stakes,
      ChainRandomnessStoreReader randomness) {
    this.chainId = chainId;
    this.schedule = schedule;
    this.lottery = lottery;
    this.stakes = stakes;
    this.randomness = randomness;
  }

  /**
   * The slot of a block with {@code timestamp}.
   *
   * @throws BlockRejectedException naming {@code block} when the timestamp is before genesis
   */
  long slotAt(Hash block, long timestamp) throws BlockRejectedException {
    if (schedule.isBeforeGenesis(timestamp)) {
      throw new BlockRejectedException(block,
          new RuleViolation.TimestampBeforeGenesis(timestamp, schedule.genesisTimestamp()));
    }
    return schedule.slotAt(timestamp);
  }

  /**
   * Checks that the producer won {@code slot} on the chain through {@code selectedParent}, and returns the
   * block's chain randomness: the selected parent's, extended by the output of the block's proof.
   */
  ChainRandomness checkEligibility(BlockHeader header, long slot, Hash selectedParent,
      Optional<SpeculativeProof> speculative) throws BlockRejectedException {
    long epoch = schedule.epochOf(slot);
    ChainRandomness parentRandomness = randomness.get(selectedParent);
    SlotInput input = new SlotInput(chainId, EpochSeeds.seed(parentRandomness, epoch), slot);
    byte[] proof = header.vrfProof();
    StakeDistribution distribution = stakes.distribution(selectedParent, epoch);
    SlotEligibility verdict = speculative.isPresent()
        ? lottery.checkEligibility(header.producer(), distribution, input, speculative.get().orElseVerify(proof))
        : lottery.checkEligibility(header.producer(), distribution, input, proof);
    if (verdict instanceof SlotEligibility.Eligible eligible) {
      return EpochSeeds.extend(parentRandomness, epoch, eligible.output());
    }
    throw new BlockRejectedException(header.hash(), violationOf(verdict, slot));
  }

  /**
   * Verifies the header's proof ahead of the serial stage on the slot input it would have on the chain of
   * {@code likelyParent} (whose record is {@code likelyRandomness}): the sink when the header arrived, whose
   * seed nearly every new block shares. Empty when there is nothing to verify on that guess. Must be safe to
   * call from any thread: it reads only its arguments and the stake source.
   */
  Optional<SpeculativeProof> speculate(BlockHeader header, Hash likelyParent, ChainRandomness likelyRandomness) {
    if (schedule.isBeforeGenesis(header.timestamp())) {
      return Optional.empty();
    }
    long slot = schedule.slotAt(header.timestamp());
    long epoch = schedule.epochOf(slot);
    if (epoch < likelyRandomness.epoch()) {
      return Optional.empty();
    }
    SlotInput input = new SlotInput(chainId, EpochSeeds.seed(likelyRandomness, epoch), slot);
    return stakes.distribution(likelyParent, epoch).find(header.producer())
        .map(validator -> SpeculativeProof.verify(validator.vrfKey(), input, header.vrfProof()));
  }

  /** What a producer of {@code slot} on {@code selectedParent} proves; the parent's epoch is not later. */
  SlotInput slotInput(Hash selectedParent, long slot) {
    return new SlotInput(chainId, EpochSeeds.seed(randomness.get(selectedParent), schedule.epochOf(slot)), slot);
  }

  /**
   * The lottery's verdict on {@code ticket} for a block by {@code producer} on {@code selectedParent}: empty
   * when it wins, else the violation the block would be rejected for. Lets a producer skip building a block
   * that would lose.
   */
  Optional<RuleViolation> verdictOn(Address producer, Hash selectedParent, SlotTicket ticket) {
    long slot = ticket.slot().slot();
    SlotInput expected = slotInput(selectedParent, slot);
    if (!expected.equals(ticket.slot())) {
      return Optional.of(new RuleViolation.BadVrfProof(producer, slot,
          "the ticket proves " + ticket.slot() + ", not this chain's " + expected));
    }
    SlotEligibility verdict = lottery.checkEligibility(producer,
        stakes.distribution(selectedParent, schedule.epochOf(slot)), expected, ticket.proof());
    return verdict.isEligible() ? Optional.empty() : Optional.of(violationOf(verdict, slot));
  }

  private static RuleViolation violationOf(SlotEligibility verdict, long slot) {
    if (verdict instanceof SlotEligibility.UnknownValidator unknown) {
      return new RuleViolation.UnknownProducer(unknown.validator());
    }
    if (verdict instanceof SlotEligibility.ZeroStake unstaked) {
      return new RuleViolation.ProducerWithoutStake(unstaked.validator());
    }
    if (verdict instanceof SlotEligibility.BadProof bad) {
      return new RuleViolation.BadVrfProof(bad.validator(), slot, bad.detail());
    }
    if (verdict instanceof SlotEligibility.NotEligible lost) {
      return new RuleViolation.ProducerNotEligible(lost.validator(), slot, lost.output());
    }
    throw new IllegalArgumentException("not a violation: " + verdict.message());
  }
}
