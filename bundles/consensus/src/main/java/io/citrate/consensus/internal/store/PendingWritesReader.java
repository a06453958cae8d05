package io.citrate.consensus.internal.store;

import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.InvalidStoreInputException;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.StoreLimits;
import io.citrate.store.api.StoreName;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads of writes not yet in a store laid over the store's own reads: a pending put hides the stored
 * value, a pending delete hides the key, and scans merge both in key order.
 */
abstract class PendingWritesReader implements KeyValueStoreReader {
  /** The value of a pending delete; told apart from every real value by identity. */
  static final byte[] DELETED = new byte[0];

  private static final NavigableMap<byte[], byte[]> NO_WRITES =
      Collections.unmodifiableNavigableMap(new TreeMap<>(Arrays::compareUnsigned));

  /** Pending writes per store, keys in unsigned byte order; the last write to a key is the one kept. */
  final NavigableMap<StoreName, NavigableMap<byte[], byte[]>> pending;
  private final KeyValueStoreReader stored;

  PendingWritesReader(NavigableMap<StoreName, NavigableMap<byte[], byte[]>> pending, KeyValueStoreReader stored) {
    this.pending = pending;
    this.stored = stored;
  }

  @Override
  public Optional<byte[]> get(StoreName store, byte[] key) {
    byte[] value = pendingValue(store, key);
    if (value == null) {
      return stored.get(store, key);
    }
    return value == DELETED ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public boolean contains(StoreName store, byte[] key) {
    byte[] value = pendingValue(store, key);
    return value == null ? stored.contains(store, key) : value != DELETED;
  }

  /** The pending write to {@code key}, {@link #DELETED}, or null when there is none. */
  private byte[] pendingValue(StoreName store, byte[] key) {
    requireArgument(store, "store name");
    StoreLimits.checkKey(key);
    NavigableMap<byte[], byte[]> writes = pending.get(store);
    return writes == null ? null : writes.get(key);
  }

  @Override
  public long count(StoreName store) {
    long count = stored.count(store);
    for (Map.Entry<byte[], byte[]> write : pending.getOrDefault(store, NO_WRITES).entrySet()) {
      boolean isStored = stored.contains(store, write.getKey());
      if (write.getValue() == DELETED && isStored) {
        count--;
      } else if (write.getValue() != DELETED && !isStored) {
        count++;
      }
    }
    return count;
  }

  /**
   * The stored names and those a pending put creates; a delete creates no store, and neither does a put
   * whose key a later pending write deletes.
   */
  @Override
  public List<StoreName> storeNames() {
    TreeSet<StoreName> names = new TreeSet<>(stored.storeNames());
    pending.forEach((name, writes) -> {
      if (writes.values().stream().anyMatch(value -> value != DELETED)) {
        names.add(name);
      }
    });
    return List.copyOf(names);
  }

  @Override
  public void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    NavigableMap<byte[], byte[]> writes = pendingIn(store, range);
    if (writes.isEmpty()) {
      stored.scan(store, range, visitor);
    } else {
      new MergingVisitor(writes, visitor, false).run(merger -> stored.scan(store, range, merger));
    }
  }

  @Override
  public void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    NavigableMap<byte[], byte[]> writes = pendingIn(store, range).descendingMap();
    if (writes.isEmpty()) {
      stored.scanDescending(store, range, visitor);
    } else {
      new MergingVisitor(writes, visitor, true).run(merger -> stored.scanDescending(store, range, merger));
    }
  }

  private static void checkScan(StoreName store, KeyRange range, EntryVisitor visitor) {
    requireArgument(store, "store name");
    requireArgument(range, "key range");
    requireArgument(visitor, "visitor");
  }

  /** The store's own error for a missing argument, so callers see the same failure either way. */
  private static void requireArgument(Object argument, String what) {
    if (argument == null) {
      throw new InvalidStoreInputException(what + " is null");
    }
  }

  private NavigableMap<byte[], byte[]> pendingIn(StoreName store, KeyRange range) {
    NavigableMap<byte[], byte[]> writes = pending.getOrDefault(store, NO_WRITES);
    Optional<byte[]> start = range.start();
    if (start.isPresent()) {
      writes = writes.tailMap(start.get(), true);
    }
    Optional<byte[]> end = range.end();
    if (end.isPresent()) {
      writes = writes.headMap(end.get(), false);
    }
    return writes;
  }

  /**
   * Hands the stored entries of a scan to the caller's visitor with the pending writes of the same range
   * merged in, in scan order: pending entries that come first are visited first, a pending write to a
   * stored key replaces it, and the pending entries after the last stored one are visited at the end.
   */
  private static final class MergingVisitor implements EntryVisitor {
    private final Iterator<Map.Entry<byte[], byte[]>> writes;
    private final EntryVisitor visitor;
    private final boolean descending;
    private Map.Entry<byte[], byte[]> nextWrite;
    private boolean stopped;

    MergingVisitor(NavigableMap<byte[], byte[]> writes, EntryVisitor visitor, boolean descending) {
      this.writes = writes.entrySet().iterator();
      this.visitor = visitor;
      this.descending = descending;
      this.nextWrite = this.writes.next();
    }

    void run(Consumer<EntryVisitor> storedScan) {
      storedScan.accept(this);
      while (!stopped && nextWrite != null) {
        stopped = !visitWrite();
      }
    }

    @Override
    public boolean visit(byte[] key, byte[] value) {
      while (nextWrite != null && inScanOrder(nextWrite.getKey(), key) < 0) {
        if (!visitWrite()) {
          return stop();
        }
      }
      if (nextWrite != null && inScanOrder(nextWrite.getKey(), key) == 0) {
        return visitWrite() || stop();
      }
      return visitor.visit(key, value) || stop();
    }

    /** Visits the next pending write unless it is a delete, and moves past it; false to stop the scan. */
    private boolean visitWrite() {
      Map.Entry<byte[], byte[]> write = nextWrite;
      nextWrite = writes.hasNext() ? writes.next() : null;
      return write.getValue() == DELETED || visitor.visit(write.getKey().clone(), write.getValue().clone());
    }

    private boolean stop() {
      stopped = true;
      return false;
    }

    private int inScanOrder(byte[] a, byte[] b) {
      int ascending = Arrays.compareUnsigned(a, b);
      return descending ? -ascending : ascending;
    }
  }
}
