package io.citrate.consensus.api;

import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What happens to a block after it passes every consensus rule and before anything about it is written:
 * the node executes the transactions the block accepts, checks the header's commitments to them, and
 * stages the resulting state, receipts and indexes into the block's own batch. Consensus then writes the
 * block's DAG data and those writes in one transaction, so a block is stored whole or not at all.
 *
 * <p>Registered as an OSGi service by the node; consensus opens only once one is there. Called serially,
 * one block at a time in processing order, never concurrently, and for genesis when an empty store is
 * initialised.
 */
@ConsumerType
public interface ExecutionStage {

  /**
   * Executes {@code block} and stages what it writes into {@code batch}.
   *
   * @param committed the store as it stands with every block processed before this one, including those
   *     whose writes still wait for a group commit: read state from here, not from the store service
   * @throws BlockRejectedException when the block's body or its commitments break an execution rule;
   *     the block is then recorded as invalid and {@code batch} is discarded
   */
  void stage(ValidatedBlock block, KeyValueStoreReader committed, WriteBatch batch) throws BlockRejectedException;
}
