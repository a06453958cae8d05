package io.citrate.node.api;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.vm.api.GenesisAccount;
import java.util.List;
import java.util.Objects;

/**
 * Everything that makes a network: what every node of it must agree on from genesis. Later changes come from
 * governance, never from a node's configuration.
 *
 * @param name the network's name, for operators
 * @param chainId the EIP-155 chain id
 * @param genesisTimestamp unix milliseconds; slot 0 starts here
 * @param consensus the DAG rules: k, parent and mergeset limits, finality depth
 * @param pruningDepth chain blocks below the finality point whose state a node must keep; at least the
 *     finality depth
 * @param proposers the VRF lottery: slot length, producers per slot, epoch length
 * @param gasLimit every block's gas limit
 * @param fees the EIP-1559 base fee rules and where base fees go
 * @param rewards block rewards, their halving and the treasury's share
 * @param validators who may produce blocks in the first epoch, with their VRF keys and stake
 * @param allocation the accounts genesis funds
 */
public record ChainSpec(String name, long chainId, long genesisTimestamp, ConsensusParameters consensus,
    long pruningDepth, ProposerParameters proposers, long gasLimit, FeeParameters fees, RewardSchedule rewards,
    StakeDistribution validators, List<GenesisAccount> allocation) {

  public ChainSpec {
    Objects.requireNonNull(name, "name");
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
    if (genesisTimestamp < 0) {
      throw new IllegalArgumentException("genesis timestamp must not be negative: " + genesisTimestamp);
    }
    Objects.requireNonNull(consensus, "consensus");
    if (pruningDepth < consensus.finalityDepth()) {
      throw new IllegalArgumentException("pruning depth " + pruningDepth + " is below the finality depth "
          + consensus.finalityDepth());
    }
    Objects.requireNonNull(proposers, "proposers");
    if (gasLimit < 21_000) {
      throw new IllegalArgumentException("gas limit " + gasLimit + " cannot hold a single transfer");
    }
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(validators, "validators");
    allocation = List.copyOf(allocation);
    long distinct = allocation.stream().map(GenesisAccount::address).distinct().count();
    if (distinct != allocation.size()) {
      throw new IllegalArgumentException("the genesis allocation names an account twice");
    }
  }
}
