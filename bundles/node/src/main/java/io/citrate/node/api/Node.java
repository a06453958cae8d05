package io.citrate.node.api;

import io.citrate.core.api.Hash;
import io.citrate.txpool.api.Admission;
import io.citrate.vm.api.ExecutionTracer;
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

  /** The head alone, without the rest of {@link #status()}: cheap enough for every request that reads latest. */
  ChainHead head();

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

  /** The hashes and receipts of what {@code block} accepted, as {@link #acceptance} has them, read more cheaply. */
  Optional<BlockReceipts> receipts(Hash block);

  /** Where the selected chain accepted transaction {@code transaction}; empty while it is not accepted. */
  Optional<TransactionLocation> transactionLocation(Hash transaction);

  // ---- tracing

  /**
   * Re-executes {@code transaction} where the selected chain accepted it, reporting its execution to {@code tracer}:
   * the accepting block's acceptance runs again from its selected parent's state exactly as it ran when the block
   * was accepted, untraced up to the transaction and traced for it. Nothing is written.
   *
   * @return the transaction as its chain block accepted it; empty while the selected chain has not accepted it
   * @throws IllegalStateException when this node cannot replay the block now (a scheduled precompile is missing)
   *     or the replay does not reproduce the stored receipt
   */
  Optional<AcceptedTransaction> traceTransaction(Hash transaction, ExecutionTracer tracer);
}
