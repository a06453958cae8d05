package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.api.StakeDistribution;
import io.citrate.core.api.Hash;

/**
 * The validators and stakes the lottery judges a block's producer against. Asked with the block's epoch and
 * selected parent, so that stake taken from chain state can be read from the chain the block extends,
 * never from the node's current view.
 */
@FunctionalInterface
public interface EpochStakes {

  StakeDistribution distribution(Hash selectedParent, long epoch);

  /** The same validators in every epoch: the genesis set, for as long as stake cannot change. */
  static EpochStakes fixed(StakeDistribution validators) {
    return (selectedParent, epoch) -> validators;
  }
}
