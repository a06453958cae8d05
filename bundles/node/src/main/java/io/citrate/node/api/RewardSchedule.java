package io.citrate.node.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Block rewards. Every blue block a chain block accepts (the chain block itself included) earns the reward
 * of the chain block's number; the treasury takes its share and the block's producer the rest. The reward
 * halves every {@code halvingInterval} chain blocks.
 *
 * @param initialReward the reward per blue block before the first halving
 * @param halvingInterval chain blocks between halvings
 * @param treasuryShareBasisPoints the treasury's share of each reward, in hundredths of a percent
 * @param treasury the treasury's address
 */
public record RewardSchedule(Wei initialReward, long halvingInterval, int treasuryShareBasisPoints,
    Address treasury) {
  private static final int ALL_BASIS_POINTS = 10_000;

  public RewardSchedule {
    Objects.requireNonNull(initialReward, "initialReward");
    Objects.requireNonNull(treasury, "treasury");
    if (halvingInterval < 1) {
      throw new IllegalArgumentException("halving interval must be positive: " + halvingInterval);
    }
    if (treasuryShareBasisPoints < 0 || treasuryShareBasisPoints > ALL_BASIS_POINTS) {
      throw new IllegalArgumentException("treasury share must be in [0, 10000] basis points: "
          + treasuryShareBasisPoints);
    }
  }

  /** The reward per blue block accepted by the chain block at {@code number}. */
  public Wei rewardAt(long number) {
    long halvings = number / halvingInterval;
    return halvings >= 256 ? Wei.ZERO : Wei.of(initialReward.toBigInteger().shiftRight((int) halvings));
  }

  /** The treasury's part of {@code reward}; the producer gets the rest. */
  public Wei treasuryShare(Wei reward) {
    return Wei.of(reward.toBigInteger().multiply(BigInteger.valueOf(treasuryShareBasisPoints))
        .divide(BigInteger.valueOf(ALL_BASIS_POINTS)));
  }
}
