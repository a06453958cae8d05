package io.citrate.ipfs.internal.block;

import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreFailureException;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memory store whose disk can fill up: once {@link #fillDisk} is called, commits fail as the Xodus store's do when
 * the disk is full (StoreFailureException, nothing written), until {@link #freeDisk}. Reads can be made to fail too.
 * Counts the commits that went through.
 */
public final class FillingDiskStore implements KeyValueStore {
  private final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger commitsBeforeFull = new AtomicInteger(Integer.MAX_VALUE);
  private volatile boolean readsFail;

  /** Every commit from now on fails. */
  public void fillDisk() {
    commitsBeforeFull.set(0);
  }

  /** {@code commits} more commits succeed, then every one fails. */
  public void fillDiskAfter(int commits) {
    commitsBeforeFull.set(commits);
  }

  public void freeDisk() {
    commitsBeforeFull.set(Integer.MAX_VALUE);
  }

  public void failReads(boolean fail) {
    readsFail = fail;
  }

  /** Commits that changed the store. */
  public int commits() {
    return commits.get();
  }

  @Override
  public void commit(WriteBatch batch) {
    if (commitsBeforeFull.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) == 0) {
      throw new StoreFailureException("cannot write the log: No space left on device",
          new IOException("No space left on device"));
    }
    memory.commit(batch);
    commits.incrementAndGet();
  }

  @Override
  public Optional<byte[]> get(StoreName store, byte[] key) {
    checkReads();
    return memory.get(store, key);
  }

  @Override
  public boolean contains(StoreName store, byte[] key) {
    checkReads();
    return memory.contains(store, key);
  }

  @Override
  public long count(StoreName store) {
    checkReads();
    return memory.count(store);
  }

  @Override
  public List<StoreName> storeNames() {
    checkReads();
    return memory.storeNames();
  }

  @Override
  public void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkReads();
    memory.scan(store, range, visitor);
  }

  @Override
  public void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkReads();
    memory.scanDescending(store, range, visitor);
  }

  @Override
  public KeyValueSnapshot snapshot() {
    return memory.snapshot();
  }

  @Override
  public StorageStatistics statistics() {
    return memory.statistics();
  }

  @Override
  public CompactionResult compact() {
    return memory.compact();
  }

  private void checkReads() {
    if (readsFail) {
      throw new StoreFailureException("cannot read the log: Input/output error", new IOException("EIO"));
    }
  }
}
