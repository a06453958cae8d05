package io.citrate.vm.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import io.citrate.store.api.WriteBatch;
import java.util.List;
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
}
