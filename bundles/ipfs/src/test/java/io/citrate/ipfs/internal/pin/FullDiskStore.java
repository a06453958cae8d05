package io.citrate.ipfs.internal.pin;

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

/** A memory store whose disk can be full: commits then fail as the Xodus store's do, writing nothing. */
final class FullDiskStore implements KeyValueStore {
  private final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  volatile boolean full;

  @Override
  public void commit(WriteBatch batch) {
    if (full) {
      throw new StoreFailureException("cannot write the log: No space left on device",
          new IOException("No space left on device"));
    }
    memory.commit(batch);
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

  @Override
  public Optional<byte[]> get(StoreName store, byte[] key) {
    return memory.get(store, key);
  }

  @Override
  public boolean contains(StoreName store, byte[] key) {
    return memory.contains(store, key);
  }

  @Override
  public long count(StoreName store) {
    return memory.count(store);
  }

  @Override
  public List<StoreName> storeNames() {
    return memory.storeNames();
  }

  @Override
  public void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    memory.scan(store, range, visitor);
  }

  @Override
  public void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    memory.scanDescending(store, range, visitor);
  }
}
