package io.citrate.consensus.api;

import io.citrate.core.api.block.BlockHeader;
import java.util.Objects;

/**
 * Everything consensus starts from: the network's chain id, its DAG and lottery rules, the genesis header
 * and the validators of the first epoch. The node derives it from the chain specification and registers it
 * as a service; consensus opens its store against it and refuses a store that belongs to another genesis.
 *
 * @param chainId the EIP-155 chain id; part of every slot's VRF input
 * @param parameters the DAG rules (k, parent and mergeset limits, finality depth)
 * @param proposers the lottery rules (slot length, producers per slot, epoch length)
 * @param header the genesis block: no parents, its timestamp is the start of slot 0
 * @param validators who may produce blocks, with their VRF keys and stake
 */
public record ConsensusGenesis(long chainId, ConsensusParameters parameters, ProposerParameters proposers,
    BlockHeader header, StakeDistribution validators) {

  public ConsensusGenesis {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(proposers, "proposers");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(validators, "validators");
    if (!header.isGenesis()) {
      throw new IllegalArgumentException("block " + header.hash() + " has parents; it is not a genesis");
    }
  }
}
