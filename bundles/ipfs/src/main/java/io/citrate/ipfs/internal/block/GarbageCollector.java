package io.citrate.ipfs.internal.block;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.Guard;
import io.citrate.ipfs.internal.dag.DagWalk;
import io.citrate.store.api.EntryVisitor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mark and sweep over a {@link KeyValueBlockstore}: every block reachable from a pinned root is kept, every other
 * block is removed. It runs under the exclusive side of the blockstore's lock, so imports holding
 * {@link KeyValueBlockstore#protect} finish (and pin their roots) first, and no block is written while it runs.
 *
 * <p>The mark walks each root's DAG ({@link DagWalk}). A block that is missing is tolerated (a partial pin
 * still keeps what it has). A damaged or undecodable block stops the collection before anything is removed, since
 * what it links to cannot be seen. Raw blocks link to nothing, so they are marked without being read. The sweep scans
 * the store's keys in bounded batches and removes each batch's garbage in its own commit, never in one giant
 * transaction.
 */
public final class GarbageCollector {
  /** How long a collection waits for imports in flight before giving up. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);
  /** Entries visited per read of the store during the sweep, and so at most the blocks removed per commit. */
  static final int SWEEP_BATCH = 1024;

  private final KeyValueBlockstore blocks;
  private final Supplier<Collection<Cid>> roots;
  private final Duration lockWait;

  /** {@code roots}: every pinned id at the time of the call. */
  public GarbageCollector(KeyValueBlockstore blocks, Supplier<Collection<Cid>> roots) {
    this(blocks, roots, DEFAULT_LOCK_WAIT);
  }

  /** As above, waiting at most {@code lockWait} for imports in flight to finish. */
  public GarbageCollector(KeyValueBlockstore blocks, Supplier<Collection<Cid>> roots, Duration lockWait) {
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.roots = Objects.requireNonNull(roots, "roots");
    this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
  }

  /**
   * Marks, then sweeps. UNAVAILABLE when imports do not finish within the wait, CORRUPT_BLOCK or INVALID_DATA (naming
   * the block and its root) when the mark meets a block it cannot follow, STORAGE when the store fails: blocks removed
   * by earlier batches of the sweep stay removed (they were garbage), the rest stays.
   */
  public GcResult collect() {
    long start = System.nanoTime();
    try (Guard exclusive = blocks.exclusive(lockWait)) {
      Set<ByteBuffer> marked = mark();
      return sweep(marked, start);
    }
  }

  private Set<ByteBuffer> mark() {
    Set<ByteBuffer> marked = new HashSet<>();
    DagWalk walk = new DagWalk();
    for (Cid root : List.copyOf(roots.get())) {
      try {
        walk.walk(root, cid -> {
          marked.add(ByteBuffer.wrap(cid.multihash().bytes()));
          return cid.codec() == Cid.RAW ? Optional.empty() : blocks.find(cid);
        });
      } catch (IpfsException e) {
        throw new IpfsException(e.kind(), "garbage collection stopped before removing anything: under pinned root "
            + root + ": " + e.getMessage(), e);
      }
    }
    return marked;
  }

  private GcResult sweep(Set<ByteBuffer> marked, long start) {
    long removed = 0;
    long bytesRemoved = 0;
    long kept = 0;
    byte[] from = null;
    while (true) {
      SweepBatch batch = new SweepBatch(marked);
      blocks.scanBlocks(from, batch);
      if (!batch.garbage.isEmpty()) {
        blocks.delete(batch.garbage, batch.garbageBytes);
        removed += batch.garbage.size();
        bytesRemoved += batch.garbageBytes;
      }
      kept += batch.kept;
      if (batch.visited < SWEEP_BATCH) {
        return new GcResult(removed, bytesRemoved, kept, Duration.ofNanos(System.nanoTime() - start));
      }
      from = successor(batch.lastKey);
    }
  }

  /** The smallest key after {@code key} in unsigned byte order. */
  private static byte[] successor(byte[] key) {
    byte[] next = new byte[key.length + 1];
    System.arraycopy(key, 0, next, 0, key.length);
    return next;
  }

  /** One bounded read of the store: up to {@link #SWEEP_BATCH} entries, sorted into garbage and kept. */
  private static final class SweepBatch implements EntryVisitor {
    private final Set<ByteBuffer> marked;
    private final List<byte[]> garbage = new ArrayList<>();
    private long garbageBytes;
    private long kept;
    private int visited;
    private byte[] lastKey;

    SweepBatch(Set<ByteBuffer> marked) {
      this.marked = marked;
    }

    @Override
    public boolean visit(byte[] key, byte[] value) {
      visited++;
      lastKey = key;
      if (marked.contains(ByteBuffer.wrap(key))) {
        kept++;
      } else {
        garbage.add(key);
        garbageBytes += value.length;
      }
      return visited < SWEEP_BATCH;
    }
  }
}
