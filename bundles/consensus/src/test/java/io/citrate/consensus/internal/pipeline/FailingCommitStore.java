package io.citrate.consensus.internal.pipeline;

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

/** A memory store whose commits fail, writing nothing, while {@link #failCommits} is set. */
final class FailingCommitStore implements KeyValueStore {
  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  volatile boolean failCommits;

  @Override
  public void commit(WriteBatch batch) {
    if (failCommits) {
      throw new StoreFailureException("commit refused by the test", new IOException("disk full"));
    }
    store.commit(batch);
  }

  @Override
  public Optional<byte[]> get(StoreName name, byte[] key) {
    return store.get(name, key);
  }

  @Override
  public boolean contains(StoreName name, byte[] key) {
    return store.contains(name, key);
  }

  @Override
  public long count(StoreName name) {
    return store.count(name);
  }

  @Override
  public List<StoreName> storeNames() {
    return store.storeNames();
  }

  @Override
  public void scan(StoreName name, KeyRange range, EntryVisitor visitor) {
    store.scan(name, range, visitor);
  }

  @Override
  public void scanDescending(StoreName name, KeyRange range, EntryVisitor visitor) {
    store.scanDescending(name, range, visitor);
  }

  @Override
  public KeyValueSnapshot snapshot() {
    return store.snapshot();
  }

  @Override
  public StorageStatistics statistics() {
    return store.statistics();
  }

  @Override
  public CompactionResult compact() {
    return store.compact();
  }
}
