package io.citrate.store.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link KeyValueStore} held in memory, behaving like the node's Xodus store: same ordering, limits,
 * errors, atomic batches and consistent reads. Every state is an immutable tree, so reads never block
 * and snapshots cost nothing. For unit tests and tools; nothing survives the JVM. Thread-safe.
 */
public final class MemoryKeyValueStore implements KeyValueStore, ForwardingStoreReader, AutoCloseable {
  private static final String LOCATION = "memory";

  private final Object commitLock = new Object();
  private final AtomicLong commitCount = new AtomicLong();
  private final AtomicLong readCount = new AtomicLong();
  private final MemoryStoreView view = new MemoryStoreView(this::openState, readCount::incrementAndGet);
  private volatile Map<StoreName, ByteKeyTree> state = Map.of();
  private volatile boolean closed;

  @Override
  public void commit(WriteBatch batch) {
    StoreLimits.checkNotNull(batch, "batch");
    if (batch.isEmpty()) {
      openState();
      return;
    }
    synchronized (commitLock) {
      Map<StoreName, ByteKeyTree> next = new HashMap<>(openState());
      for (WriteBatch.Operation operation : batch.operations()) {
        if (operation instanceof WriteBatch.Put put) {
          next.put(put.store(), next.getOrDefault(put.store(), ByteKeyTree.EMPTY).put(put.key(), put.value()));
        } else if (next.containsKey(operation.store())) {
          next.put(operation.store(), next.get(operation.store()).remove(operation.key()));
        }
      }
      state = Map.copyOf(next);
      commitCount.incrementAndGet();
    }
  }

  @Override
  public KeyValueSnapshot snapshot() {
    Map<StoreName, ByteKeyTree> fixed = openState();
    AtomicBoolean snapshotClosed = new AtomicBoolean();
    MemoryStoreView snapshotView = new MemoryStoreView(() -> {
      if (snapshotClosed.get()) {
        throw new StoreClosedException("the snapshot is closed");
      }
      openState();
      return fixed;
    }, readCount::incrementAndGet);
    return new MemorySnapshot(snapshotView, snapshotClosed);
  }

  @Override
  public StorageStatistics statistics() {
    Map<StoreName, ByteKeyTree> current = openState();
    List<StoreStatistics> stores = current.entrySet().stream()
        .map(entry -> new StoreStatistics(entry.getKey(), entry.getValue().size()))
        .sorted((left, right) -> left.name().compareTo(right.name()))
        .toList();
    return new StorageStatistics(LOCATION, sizeInBytes(current), stores, commitCount.get(), 0,
        Optional.empty(), readCount.get(), Optional.empty());
  }

  /** Memory holds no overwritten data, so there is nothing to reclaim: the size stays as it is. */
  @Override
  public CompactionResult compact() {
    long size = sizeInBytes(openState());
    return new CompactionResult(size, size, Duration.ZERO);
  }

  @Override
  public KeyValueStoreReader reads() {
    return view;
  }

  /** Drops the data; every later call throws {@link StoreClosedException}. */
  @Override
  public void close() {
    synchronized (commitLock) {
      closed = true;
      state = Map.of();
    }
  }

  private Map<StoreName, ByteKeyTree> openState() {
    if (closed) {
      throw new StoreClosedException("the memory store is closed");
    }
    return state;
  }

  private static long sizeInBytes(Map<StoreName, ByteKeyTree> stores) {
    return stores.values().stream().mapToLong(ByteKeyTree::bytes).sum();
  }

  private static final class MemorySnapshot implements KeyValueSnapshot, ForwardingStoreReader {
    private final MemoryStoreView view;
    private final AtomicBoolean closed;

    MemorySnapshot(MemoryStoreView view, AtomicBoolean closed) {
      this.view = view;
      this.closed = closed;
    }

    @Override
    public KeyValueStoreReader reads() {
      return view;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }
}
