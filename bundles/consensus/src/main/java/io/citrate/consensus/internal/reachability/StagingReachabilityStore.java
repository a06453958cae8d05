package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import io.citrate.store.api.WriteBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes of one block's reachability update, over committed data that it reads through to. The
 * index writes here; {@link #commit} moves the changes into the caller's batch. Dropping a staging store
 * without committing it discards the changes, which is how a failed update leaves the index unchanged.
 * Not thread-safe; one per block.
 */
public final class StagingReachabilityStore implements ReachabilityStore {
  private final KeyValueReachabilityStore committed;
  // Insertion order, so the batch is written in the same order on every node.
  private final Map<Hash, ReachabilityData> staged = new LinkedHashMap<>();
  private Hash stagedReindexRoot;
  private boolean done;

  public StagingReachabilityStore(KeyValueReachabilityStore committed) {
    this.committed = Objects.requireNonNull(committed, "committed");
  }

  @Override
  public boolean has(Hash block) {
    return staged.containsKey(block) || committed.has(block);
  }

  @Override
  public ReachabilityData get(Hash block) {
    ReachabilityData data = staged.get(block);
    return data != null ? data : committed.get(block);
  }

  @Override
  public Optional<Hash> reindexRoot() {
    return stagedReindexRoot != null ? Optional.of(stagedReindexRoot) : committed.reindexRoot();
  }

  @Override
  public void put(Hash block, ReachabilityData data) {
    requireOpen();
    staged.put(Objects.requireNonNull(block, "block"), Objects.requireNonNull(data, "data"));
  }

  @Override
  public void setReindexRoot(Hash block) {
    requireOpen();
    stagedReindexRoot = Objects.requireNonNull(block, "block");
  }

  /** Number of blocks whose data changed. */
  public int changedBlocks() {
    return staged.size();
  }

  /**
   * Writes every change into {@code batch}; the caller commits the batch with the rest of the block.
   * A staging store commits once.
   */
  public void commit(WriteBatch batch) {
    Objects.requireNonNull(batch, "batch");
    requireOpen();
    done = true;
    committed.stage(batch, staged, stagedReindexRoot);
  }

  private void requireOpen() {
    if (done) {
      throw new IllegalStateException("this staging store was already committed");
    }
  }
}
