package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Committed reachability data in a {@link KeyValueStore}: one record per block under its hash, and the
 * reindex root under a key no hash can take, all in the store {@link #STORE}. Changes arrive only
 * through {@link StagingReachabilityStore#commit}, in the caller's batch, so one block's reachability
 * changes commit atomically with everything else written for it.
 *
 * <p>Queries read the same records many times, so decoded records are kept in a bounded cache, least
 * recently used out first. The cache is updated when changes are staged into a batch, as Kaspa does: the
 * caller must commit that batch, and a failed commit means the store is broken and this object must be
 * replaced by a fresh one over the reopened store.
 *
 * <p>Thread-safe for reads. Between staging a batch and committing it, the cache already holds the new
 * records while evicted ones still read old from the store, so the caller keeps queries out of that
 * window (Kaspa holds the reachability write lock across it).
 */
public final class KeyValueReachabilityStore implements ReachabilityStoreReader {
  public static final StoreName STORE = StoreName.of("reachability");
  private static final byte[] REINDEX_ROOT_KEY = "reindex-root".getBytes(StandardCharsets.US_ASCII);

  private final KeyValueStore store;
  private final Map<Hash, ReachabilityData> cache;
  private volatile Hash reindexRoot;

  /**
   * @param cacheCapacity most decoded records kept in memory; at least 1
   */
  public KeyValueReachabilityStore(KeyValueStore store, int cacheCapacity) {
    if (cacheCapacity < 1) {
      throw new IllegalArgumentException("cache capacity must be positive: " + cacheCapacity);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.cache = new LinkedHashMap<>(Math.min(cacheCapacity, 1 << 16), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, ReachabilityData> eldest) {
        return size() > cacheCapacity;
      }
    };
    this.reindexRoot = store.get(STORE, REINDEX_ROOT_KEY).map(KeyValueReachabilityStore::decodeRoot).orElse(null);
  }

  @Override
  public boolean has(Hash block) {
    synchronized (cache) {
      if (cache.containsKey(block)) {
        return true;
      }
    }
    return store.contains(STORE, block.unsafeBytes());
  }

  @Override
  public ReachabilityData get(Hash block) {
    synchronized (cache) {
      ReachabilityData cached = cache.get(block);
      if (cached != null) {
        return cached;
      }
    }
    ReachabilityData loaded = store.get(STORE, block.unsafeBytes())
        .map(ReachabilityData::decode)
        .orElseThrow(() -> new ReachabilityException(Reason.UNKNOWN_BLOCK, "unknown block " + block));
    synchronized (cache) {
      // A concurrent commit may have cached a newer record meanwhile; keep it.
      ReachabilityData raced = cache.putIfAbsent(block, loaded);
      return raced == null ? loaded : raced;
    }
  }

  @Override
  public Optional<Hash> reindexRoot() {
    return Optional.ofNullable(reindexRoot);
  }

  /** Writes {@code changes} and a changed reindex root (null if unchanged) into {@code batch}. */
  void stage(WriteBatch batch, Map<Hash, ReachabilityData> changes, Hash newReindexRoot) {
    for (Map.Entry<Hash, ReachabilityData> change : changes.entrySet()) {
      batch.put(STORE, change.getKey().unsafeBytes(), change.getValue().encode());
    }
    if (newReindexRoot != null) {
      batch.put(STORE, REINDEX_ROOT_KEY, newReindexRoot.unsafeBytes());
    }
    synchronized (cache) {
      cache.putAll(changes);
    }
    if (newReindexRoot != null) {
      reindexRoot = newReindexRoot;
    }
  }

  private static Hash decodeRoot(byte[] encoded) {
    if (encoded.length != Hash.SIZE) {
      throw new ReachabilityException(
          Reason.DATA_INCONSISTENCY, "stored reindex root must be " + Hash.SIZE + " bytes, got " + encoded.length);
    }
    return Hash.wrapUnsafe(encoded);
  }
}
