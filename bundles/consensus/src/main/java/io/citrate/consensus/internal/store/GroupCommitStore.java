package io.citrate.consensus.internal.store;

import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link KeyValueStore} whose commits wait in memory until {@link #flush} writes all of them to the
 * backing store in one transaction: the pipeline's group commit. Every per-transaction cost of the
 * backing store (the sync, the B+tree paths rewritten per store touched) is paid once per group instead
 * of once per block, and a key written several times in a group is written once.
 *
 * <p>Reads see every commit made here, flushed or not, so each block sees the blocks before it. Nothing
 * of a group is durable until {@link #flush} returns, and a failed flush writes nothing and keeps the
 * pending writes. Statistics and compaction are those of the backing store. Not thread-safe: its owner
 * serialises every call.
 */
public final class GroupCommitStore extends PendingWritesReader implements KeyValueStore {
  private final KeyValueStore backing;

  public GroupCommitStore(KeyValueStore backing) {
    super(new TreeMap<>(), Objects.requireNonNull(backing, "backing"));
    this.backing = backing;
  }

  /** Applies {@code batch} to the pending writes; the backing store sees it at the next {@link #flush}. */
  @Override
  public void commit(WriteBatch batch) {
    Objects.requireNonNull(batch, "batch");
    for (WriteBatch.Operation operation : batch.operations()) {
      byte[] value = operation instanceof WriteBatch.Put put ? put.value() : DELETED;
      pending.computeIfAbsent(operation.store(), name -> new TreeMap<>(Arrays::compareUnsigned))
          .put(operation.key(), value);
    }
  }

  /** Whether commits are waiting for a {@link #flush}. */
  public boolean hasPendingWrites() {
    return !pending.isEmpty();
  }

  /**
   * Writes every pending write to the backing store in one batch, stores by name and keys in order so
   * that the same group always makes the same batch. When it throws, the backing store is unchanged and
   * the writes stay pending.
   */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    WriteBatch batch = new WriteBatch();
    for (Map.Entry<StoreName, NavigableMap<byte[], byte[]>> store : pending.entrySet()) {
      for (Map.Entry<byte[], byte[]> write : store.getValue().entrySet()) {
        if (write.getValue() == DELETED) {
          batch.delete(store.getKey(), write.getKey());
        } else {
          batch.put(store.getKey(), write.getKey(), write.getValue());
        }
      }
    }
    backing.commit(batch);
    pending.clear();
  }

  /** A snapshot of the backing store with the pending writes as they are now laid over it. */
  @Override
  public KeyValueSnapshot snapshot() {
    TreeMap<StoreName, NavigableMap<byte[], byte[]>> frozen = new TreeMap<>();
    // Values are never changed in place, so copying the maps is enough.
    pending.forEach((name, writes) -> frozen.put(name, new TreeMap<>(writes)));
    return new PendingWritesSnapshot(frozen, backing.snapshot());
  }

  @Override
  public StorageStatistics statistics() {
    return backing.statistics();
  }

  @Override
  public CompactionResult compact() {
    return backing.compact();
  }

  /** A frozen copy of the pending writes over a snapshot of the backing store. */
  private static final class PendingWritesSnapshot extends PendingWritesReader implements KeyValueSnapshot {
    private final KeyValueSnapshot backingSnapshot;

    PendingWritesSnapshot(TreeMap<StoreName, NavigableMap<byte[], byte[]>> pending, KeyValueSnapshot backingSnapshot) {
      super(pending, backingSnapshot);
      this.backingSnapshot = backingSnapshot;
    }

    @Override
    public void close() {
      // Emptied, every read goes to the closed backing snapshot, which refuses it.
      pending.clear();
      backingSnapshot.close();
    }
  }
}
