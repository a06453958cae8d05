package io.citrate.node.internal.chain;

import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.ChainSpec;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The genesis block a chain specification defines: no parents, the specification's timestamp, gas limit and
 * initial base fee, the state root of its allocation, and the network's name (up to 32 bytes) as extra data.
 * Every node computes the same bytes, so its hash names the network.
 */
public final class Genesis {
  private Genesis() {}

  public static BlockHeader header(ChainSpec spec, BlockProcessor vm) {
    Hash stateRoot = vm.genesis(spec.allocation(), new WriteBatch());
    byte[] name = spec.name().getBytes(StandardCharsets.UTF_8);
    return BlockHeader.builder()
        .timestamp(spec.genesisTimestamp())
        .stateRoot(stateRoot)
        .transactionsRoot(Hash.EMPTY_TRIE_ROOT)
        .receiptsRoot(Hash.EMPTY_TRIE_ROOT)
        .gasLimit(spec.gasLimit())
        .baseFeePerGas(spec.fees().initialBaseFee())
        .extraData(Arrays.copyOf(name, Math.min(name.length, BlockHeader.MAX_EXTRA_DATA_SIZE)))
        .build();
  }

  public static ConsensusGenesis consensusGenesis(ChainSpec spec, BlockHeader header) {
    return new ConsensusGenesis(spec.chainId(), spec.consensus(), spec.proposers(), header, spec.validators());
  }
}
