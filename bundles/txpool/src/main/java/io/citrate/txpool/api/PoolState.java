package io.citrate.txpool.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the pool reads about the head of the selected chain, provided as a service by the node. Every method
 * answers for the state committed at the current head; the node calls
 * {@link TransactionPool#headChanged} after that state moves. Implementations must be thread-safe: the pool
 * calls them from the threads that submit transactions, and from {@code headChanged} while it holds its lock,
 * so they must not call back into the pool.
 */
@ConsumerType
public interface PoolState {

  /** The chain id transactions must be signed for (EIP-155). */
  long chainId();

  /** The account's nonce at the head: the nonce of its next transaction to execute. */
  long nonce(Address account);

  /** The account's balance at the head. */
  Wei balance(Address account);

  /** The base fee per gas of the next block. */
  Wei baseFee();

  /** The gas limit of the next block: no transaction above it can ever be included. */
  long blockGasLimit();
}
