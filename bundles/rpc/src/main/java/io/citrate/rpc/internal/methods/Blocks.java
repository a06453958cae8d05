package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.rpc.api.JsonRpcException;
import java.util.Optional;

/**
 * Blocks with what they accepted, as the block methods answer them: by a block parameter on the selected chain,
 * or by hash for any block of the DAG, which geth's by-hash methods answer even off the canonical chain; a DAG
 * block off the selected chain is shown as if it were a chain block, with its own number.
 */
final class Blocks {
  private final ChainView chain;

  Blocks(ChainView chain) {
    this.chain = chain;
  }

  /** The block {@code parameter} names; a hash that does not require the canonical chain may name any DAG block. */
  Optional<BlockAcceptance> byParameter(BlockParameter parameter) throws JsonRpcException {
    if (parameter instanceof BlockParameter.ByHash byHash && !byHash.requireCanonical()) {
      return byHash(byHash.hash());
    }
    Optional<ChainView.ChainBlock> block = chain.resolve(parameter);
    return block.isEmpty() ? Optional.empty() : byHash(block.get().hash());
  }

  Optional<BlockAcceptance> byHash(Hash hash) {
    return chain.node().acceptance(hash);
  }
}
