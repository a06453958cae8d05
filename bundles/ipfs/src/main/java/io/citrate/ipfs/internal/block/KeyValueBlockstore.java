package io.citrate.ipfs.internal.block;

import io.citrate.ipfs.api.BlockstoreStatistics;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.Multihash;
import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreException;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The node's blocks in a {@link KeyValueStore}, keyed by multihash: a CIDv0 and a CIDv1 of the same bytes share one
 * entry. Every read is verified against the id asked for, so a damaged block is reported, never returned.
 *
 * <p>The number of blocks and their bytes are kept in an entry of {@link #TOTALS}, written in the same batch as the
 * blocks they count, so {@link #statistics} costs nothing and always agrees with what is stored.
 *
 * <p>Every write runs under the shared side of a fair read-write lock; garbage collection takes the exclusive side.
 * An import holds the shared side ({@link #protect}) from its first block until its root is pinned, so a collection
 * never sweeps content in flight, and a collection waiting for imports to finish holds back new ones rather than
 * being starved by them. Identity ids carry their block inline: they are answered from the id, never stored.
 */
public final class KeyValueBlockstore implements BlockSource {
  public static final StoreName BLOCKS = StoreName.of("ipfs-blocks");
  /** One entry, {@link #TOTALS_KEY}: the number of blocks and their bytes, two big-endian longs. */
  public static final StoreName TOTALS = StoreName.of("ipfs-blocks-totals");
  public static final int MAX_BLOCK_SIZE = 2 * 1024 * 1024;

  static final byte[] TOTALS_KEY = {'t', 'o', 't', 'a', 'l', 's'};

  private final KeyValueStore store;
  /** Fair, so that a waiting collection holds back new imports instead of waiting for a gap that never comes. */
  private final ReentrantReadWriteLock collectionLock = new ReentrantReadWriteLock(true);
  /** Serialises the read-modify-write of the totals with the presence checks of each batch. */
  private final Object commitLock = new Object();
  private final AtomicLong corruptReads = new AtomicLong();
  private final AtomicLong rejectedBlocks = new AtomicLong();
  private volatile BlockstoreStatistics totals;

  public KeyValueBlockstore(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.totals = readTotals();
  }

  /**
   * The block {@code cid} names, verified. NOT_FOUND when absent, CORRUPT_BLOCK when the stored bytes do not hash to
   * {@code cid} (counted in {@link #corruptReads}).
   */
  @Override
  public byte[] get(Cid cid) {
    return find(cid).orElseThrow(() -> new IpfsException(Kind.NOT_FOUND, "block " + cid + " is not in the blockstore"));
  }

  /** The block {@code cid} names, verified; empty when absent, CORRUPT_BLOCK when damaged. */
  public Optional<byte[]> find(Cid cid) {
    Multihash multihash = cid.multihash();
    if (multihash.code() == Multihash.IDENTITY) {
      return Optional.of(multihash.digest());
    }
    Optional<byte[]> block = read(() -> store.get(BLOCKS, multihash.bytes()), cid);
    if (block.isPresent() && !cid.matches(block.get())) {
      corruptReads.incrementAndGet();
      throw new IpfsException(Kind.CORRUPT_BLOCK, "the stored block " + cid + " does not match its hash: the "
          + "blockstore is damaged; put the block again (from a peer or a CAR) to repair it");
    }
    return block;
  }

  /** Whether a block is stored under {@code cid}'s multihash; not verified (reads verify). */
  public boolean has(Cid cid) {
    Multihash multihash = cid.multihash();
    return multihash.code() == Multihash.IDENTITY || read(() -> store.contains(BLOCKS, multihash.bytes()), cid);
  }

  /**
   * Verifies {@code block} against {@code cid}, then stores it at once: for blocks from outside (a peer, the pinning
   * API). A stored copy that differs (so is damaged) is replaced; an identical one is left alone. CORRUPT_BLOCK when
   * the bytes do not match (counted in {@link #rejectedBlocks}), TOO_LARGE over {@link #MAX_BLOCK_SIZE}, STORAGE
   * when the store fails; in each case nothing is stored.
   */
  public void put(Cid cid, byte[] block) {
    checkSize(cid, block);
    if (!cid.matches(block)) {
      rejectedBlocks.incrementAndGet();
      throw new IpfsException(Kind.CORRUPT_BLOCK, "the " + block.length + " bytes given for " + cid
          + " do not hash to it; not stored");
    }
    if (cid.multihash().code() == Multihash.IDENTITY) {
      return;
    }
    byte[] key = cid.multihash().bytes();
    underSharedLock(() -> {
      synchronized (commitLock) {
        Optional<byte[]> stored = read(() -> store.get(BLOCKS, key), cid);
        if (stored.isPresent() && Arrays.equals(stored.get(), block)) {
          return;
        }
        // A damaged copy was counted when stored, while it still matched this hash, so at this length: totals stand.
        BlockstoreStatistics next = stored.isPresent()
            ? totals
            : new BlockstoreStatistics(totals.blocks() + 1, totals.bytes() + block.length);
        commit(new WriteBatch().put(BLOCKS, key, block), next, "block " + cid);
      }
    });
  }

  /** A sink that batches blocks for importers and CAR import; see {@link BlockWriter}. */
  public BlockWriter writer() {
    return new BlockWriter();
  }

  /**
   * Holds back garbage collection until closed: taken by an import from its first block until its root is pinned or
   * the import is abandoned. Waits while a collection runs (or waits to run). Nests. Close it on the thread that took
   * it (it is the shared side of a {@link ReentrantReadWriteLock}).
   */
  public Guard protect() {
    ReentrantReadWriteLock.ReadLock shared = collectionLock.readLock();
    shared.lock();
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        try {
          shared.unlock();
        } catch (IllegalMonitorStateException e) {
          released.set(false);
          throw new IllegalStateException("a blockstore guard is closed by the thread that took it", e);
        }
      }
    };
  }

  /** Blocks stored and their bytes, kept with every write: no scan. */
  public BlockstoreStatistics statistics() {
    return totals;
  }

  /** Reads that found a stored block not matching its id, since start: a sign of a damaged disk. */
  public long corruptReads() {
    return corruptReads.get();
  }

  /** Blocks refused by {@link #put} because their bytes did not match the id given, since start. */
  public long rejectedBlocks() {
    return rejectedBlocks.get();
  }

  /**
   * Takes the exclusive side of the collection lock, waiting at most {@code wait} for imports in flight; UNAVAILABLE
   * when they do not finish in time, or when the calling thread itself holds a {@link #protect} guard (it would wait
   * for itself).
   */
  Guard exclusive(Duration wait) {
    if (collectionLock.getReadHoldCount() > 0) {
      throw new IpfsException(Kind.UNAVAILABLE,
          "cannot collect garbage from a thread that is importing (it holds the blockstore for its import)");
    }
    ReentrantReadWriteLock.WriteLock exclusive = collectionLock.writeLock();
    try {
      if (!exclusive.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IpfsException(Kind.UNAVAILABLE, collectionLock.getReadLockCount()
            + " import(s) still hold the blockstore after " + describe(wait)
            + "; garbage collection did not start, try again when they are done");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IpfsException(Kind.UNAVAILABLE, "interrupted while waiting for imports to finish", e);
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        exclusive.unlock();
      }
    };
  }

  private static String describe(Duration wait) {
    return wait.toSeconds() > 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
  }

  /** Threads waiting for either side of the collection lock: imports held back by a collection, or the collection. */
  int queuedForTheCollectionLock() {
    return collectionLock.getQueueLength();
  }

  /** Visits stored blocks from {@code start} (inclusive; null for the first) in key order, as the store's scan. */
  void scanBlocks(byte[] start, EntryVisitor visitor) {
    KeyRange range = start == null ? KeyRange.all() : KeyRange.atLeast(start);
    try {
      store.scan(BLOCKS, range, visitor);
    } catch (StoreException e) {
      throw new IpfsException(Kind.STORAGE, "cannot read the blockstore: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the blocks under {@code keys}, which the caller saw stored with {@code bytes} bytes in all, while holding
   * the exclusive side of the lock (so nothing else changed them since).
   */
  void delete(List<byte[]> keys, long bytes) {
    if (!collectionLock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("blocks are deleted only under the exclusive side of the collection lock");
    }
    synchronized (commitLock) {
      WriteBatch batch = new WriteBatch();
      keys.forEach(key -> batch.delete(BLOCKS, key));
      BlockstoreStatistics next = new BlockstoreStatistics(totals.blocks() - keys.size(), totals.bytes() - bytes);
      commit(batch, next, "the removal of " + keys.size() + " blocks");
    }
  }

  /**
   * Stores the blocks not yet present; returns how many were. {@code blocks} maps multihash keys to blocks the
   * caller vouches for.
   */
  private int storeMissing(Map<ByteBuffer, byte[]> blocks, long pendingBytes) {
    int[] stored = new int[1];
    underSharedLock(() -> {
      synchronized (commitLock) {
        WriteBatch batch = new WriteBatch();
        long bytes = 0;
        for (Map.Entry<ByteBuffer, byte[]> entry : blocks.entrySet()) {
          byte[] key = entry.getKey().array();
          if (!read(() -> store.contains(BLOCKS, key), null)) {
            batch.put(BLOCKS, key, entry.getValue());
            bytes += entry.getValue().length;
            stored[0]++;
          }
        }
        if (batch.isEmpty()) {
          return;
        }
        BlockstoreStatistics next = new BlockstoreStatistics(totals.blocks() + stored[0], totals.bytes() + bytes);
        commit(batch, next, blocks.size() + " blocks (" + pendingBytes + " bytes)");
      }
    });
    return stored[0];
  }

  /** Commits {@code batch} with the totals {@code next}; they take effect only when the commit does. */
  private void commit(WriteBatch batch, BlockstoreStatistics next, String what) {
    batch.put(TOTALS, TOTALS_KEY, encodeTotals(next));
    try {
      store.commit(batch);
    } catch (StoreException e) {
      throw new IpfsException(Kind.STORAGE, "cannot store " + what + ", nothing of it was written (is the disk "
          + "full?): " + e.getMessage(), e);
    }
    totals = next;
  }

  private void underSharedLock(Runnable write) {
    ReentrantReadWriteLock.ReadLock shared = collectionLock.readLock();
    shared.lock();
    try {
      write.run();
    } finally {
      shared.unlock();
    }
  }

  private BlockstoreStatistics readTotals() {
    Optional<byte[]> encoded = read(() -> store.get(TOTALS, TOTALS_KEY), null);
    if (encoded.isEmpty()) {
      return new BlockstoreStatistics(0, 0);
    }
    if (encoded.get().length != 2 * Long.BYTES) {
      throw new IpfsException(Kind.STORAGE, "the blockstore's totals entry is " + encoded.get().length
          + " bytes, not " + 2 * Long.BYTES + ": the store is damaged");
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded.get());
    return new BlockstoreStatistics(buffer.getLong(), buffer.getLong());
  }

  private static byte[] encodeTotals(BlockstoreStatistics totals) {
    return ByteBuffer.allocate(2 * Long.BYTES).putLong(totals.blocks()).putLong(totals.bytes()).array();
  }

  private static <T> T read(Supplier<T> read, Cid cid) {
    try {
      return read.get();
    } catch (StoreException e) {
      throw new IpfsException(Kind.STORAGE, "cannot read " + (cid == null ? "the blockstore" : "block " + cid) + ": "
          + e.getMessage(), e);
    }
  }

  private static void checkSize(Cid cid, byte[] block) {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(block, "block");
    if (block.length > MAX_BLOCK_SIZE) {
      throw new IpfsException(Kind.TOO_LARGE, "block " + cid + " is " + block.length + " bytes, the limit is "
          + MAX_BLOCK_SIZE + "; not stored");
    }
  }

  /** Released by {@link #close}; closing twice releases once. */
  public interface Guard extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * A sink for one import: collects blocks and commits them in batches of about {@value #BATCH_BYTES} bytes or
   * {@value #BATCH_BLOCKS} blocks, skipping blocks already stored (and repeats within the import) without rewriting
   * them. Not thread-safe: one thread uses it at a time. The importer vouches for each block (it just hashed it), so
   * blocks are not hashed again here. A failed commit throws STORAGE having stored none of its batch; the writer is
   * then spent and refuses further blocks, so an import cannot go on to name blocks that were lost.
   */
  public final class BlockWriter implements BlockSink, AutoCloseable {
    static final int BATCH_BYTES = 8 * 1024 * 1024;
    static final int BATCH_BLOCKS = 256;

    private final Map<ByteBuffer, byte[]> pending = new LinkedHashMap<>();
    private long pendingBytes;
    private long blocksStored;
    private IpfsException failure;

    private BlockWriter() {}

    @Override
    public void put(Cid cid, byte[] block) {
      checkUsable();
      checkSize(cid, block);
      if (cid.multihash().code() == Multihash.IDENTITY) {
        return;
      }
      if (pending.putIfAbsent(ByteBuffer.wrap(cid.multihash().bytes()), block) == null) {
        pendingBytes += block.length;
        if (pendingBytes >= BATCH_BYTES || pending.size() >= BATCH_BLOCKS) {
          flush();
        }
      }
    }

    /** Commits the blocks collected so far. */
    @Override
    public void flush() {
      checkUsable();
      if (pending.isEmpty()) {
        return;
      }
      try {
        blocksStored += storeMissing(pending, pendingBytes);
      } catch (IpfsException e) {
        failure = e;
        throw e;
      } finally {
        pending.clear();
        pendingBytes = 0;
      }
    }

    /** Blocks this writer added to the store (not counting ones already there). */
    public long blocksStored() {
      return blocksStored;
    }

    /** Flushes; after a failed commit there is nothing left to write, and closing does nothing. */
    @Override
    public void close() {
      if (failure == null) {
        flush();
      }
    }

    private void checkUsable() {
      if (failure != null) {
        throw new IpfsException(Kind.STORAGE, "an earlier commit of this import failed: " + failure.getMessage(),
            failure);
      }
    }
  }
}
