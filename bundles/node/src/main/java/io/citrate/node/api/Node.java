package io.citrate.node.api;

import io.citrate.core.api.Hash;
import io.citrate.txpool.api.Admission;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running Citrate node: its chain, its status, block production, and the Ethereum view of the selected chain
 * (block number = position on the selected chain; a chain block's transactions are the ones it accepted).
 */
@ProviderType
public interface Node extends ChainState {

  ChainSpec chainSpec();

  NodeStatus status();

  /**
   * Offers a signed transaction in its EIP-2718 encoding (as {@code eth_sendRawTransaction} carries it) to the
   * pool through the node's transaction ingress; in per-transaction production a block follows at once. Never
   * throws for a bad transaction: the admission says why it was refused.
   *
   * @throws IllegalStateException when the node's routes are not running
   */
  Admission submitTransaction(byte[] encoded);

  /**
   * Produces one block now on the current tips with what the pool holds, and commits it.
   *
   * @return the new block's hash
   * @throws IllegalStateException when this node has no validator key, or its block was not accepted
   */
  Hash produceBlock();

  /** The chain block at Ethereum block number {@code number}, with what it accepted. */
  Optional<BlockAcceptance> chainBlock(long number);

  /** What {@code block} accepted, computed as if it were a chain block; for any valid block. */
  Optional<BlockAcceptance> acceptance(Hash block);

  /** Where the selected chain accepted transaction {@code transaction}; empty while it is not accepted. */
  Optional<TransactionLocation> transactionLocation(Hash transaction);
}
