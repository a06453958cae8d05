package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Executes blocks on the world state kept in the node's key-value store. Nothing is written directly: the new state
 * is added to the caller's batch, so it lands in the same commit as the block, its receipts and its logs.
 */
@ProviderType
public interface BlockProcessor {
  /** Writes the genesis allocation into {@code batch} and returns its state root. */
  Hash genesis(List<GenesisAccount> allocation, WriteBatch batch);

  /**
   * Runs {@code transactions} in order on the state with root {@code parentStateRoot}, skipping those that no
   * longer fit, and adds the new state's nodes to {@code batch}.
   *
   * @throws PrecompileUnavailableException if the block needs a scheduled precompile implementation that is not
   *     registered (or registered twice); nothing is added to {@code batch} and the block must not be accepted
   */
  BlockExecutionResult execute(Hash parentStateRoot, BlockEnvironment block, List<Transaction> transactions,
      WriteBatch batch) throws PrecompileUnavailableException;

  /**
   * Runs what a chain block accepts: each segment's transactions in turn, under its own environment and gas
   * budget, skipping those that no longer fit, on the state with root {@code parentStateRoot} as
   * {@code stateNodes} holds it; then pays {@code payouts}.
   * Receipts count gas cumulatively across all segments, as one Ethereum block's do. The new state's nodes go
   * to {@code batch}.
   *
   * @param stateNodes the store to read state from; it must show every batch committed before this block,
   *     including those still waiting to be written
   * @throws PrecompileUnavailableException as {@link #execute(Hash, BlockEnvironment, List, WriteBatch)} does
   * @throws IllegalArgumentException when the segments are empty or do not share one block number
   */
  BlockExecutionResult execute(KeyValueStoreReader stateNodes, Hash parentStateRoot, List<ExecutionSegment> segments,
      BlockPayouts payouts, WriteBatch batch) throws PrecompileUnavailableException;

  /**
   * Re-runs what a chain block accepted, as {@link #execute(KeyValueStoreReader, Hash, List, BlockPayouts, WriteBatch)}
   * ran it (same segments, environments and order), up to and including {@code transaction}, which alone runs under
   * {@code tracer}. Nothing is written anywhere.
   *
   * @return the transaction's receipt, gas counted across the segments; empty when the segments do not execute it
   *     (it is not among them, or it was skipped)
   * @throws PrecompileUnavailableException as {@link #execute(Hash, BlockEnvironment, List, WriteBatch)} does
   * @throws IllegalArgumentException when the segments are empty or do not share one block number
   */
  Optional<TransactionReceipt> traceTransaction(KeyValueStoreReader stateNodes, Hash parentStateRoot,
      List<ExecutionSegment> segments, Hash transaction, ExecutionTracer tracer) throws PrecompileUnavailableException;

  /**
   * The balance and nonce of {@code address} in the state with root {@code stateRoot}; zero for an account that
   * does not exist.
   */
  AccountSnapshot account(KeyValueStoreReader stateNodes, Hash stateRoot, Address address);

  /** The code of {@code address} in the state with root {@code stateRoot}; empty for an account without code. */
  byte[] code(KeyValueStoreReader stateNodes, Hash stateRoot, Address address);

  /** Storage slot {@code slot} of {@code address} in the state with root {@code stateRoot}; zero when unset. */
  Hash storage(KeyValueStoreReader stateNodes, Hash stateRoot, Address address, Hash slot);

  /**
   * Runs {@code message} in {@code block} on the state with root {@code stateRoot}, as {@code overrides} change
   * it in memory, and writes nothing. Never throws for a message: what stops it running is a result too.
   */
  CallResult call(KeyValueStoreReader stateNodes, Hash stateRoot, BlockEnvironment block, CallMessage message,
      Map<Address, AccountOverride> overrides);
}
