package io.citrate.consensus.internal.store;

import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link GhostdagStore} on a {@link KeyValueStore}: one entry per block, keyed by its hash, holding
 * {@link GhostdagData#encode()}. The pipeline stages a block's data into its own batch with
 * {@link #insertBatch} so that everything about one block commits together; reads see committed data.
 */
public final class KeyValueGhostdagStore implements GhostdagStore {
  public static final StoreName STORE_NAME = StoreName.of("ghostdag");

  /** Decoded records kept in memory: GHOSTDAG reads the recent chain and mergesets over and over. */
  private static final int CACHE_CAPACITY = 50_000;

  private final KeyValueStore store;
  /** Only committed records are cached, and a record never changes once committed, so it never goes stale. */
  private final Map<Hash, GhostdagData> cache = new LinkedHashMap<>(1 << 12, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, GhostdagData> eldest) {
      return size() > CACHE_CAPACITY;
    }
  };

  public KeyValueGhostdagStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public GhostdagData get(Hash block) {
    synchronized (cache) {
      GhostdagData cached = cache.get(block);
      if (cached != null) {
        return cached;
      }
    }
    GhostdagData data = load(block);
    synchronized (cache) {
      cache.put(block, data);
    }
    return data;
  }

  private GhostdagData load(Hash block) {
    byte[] encoded = store.get(STORE_NAME, block.unsafeBytes())
        .orElseThrow(() -> new MissingBlockDataException(STORE_NAME.value(), block));
    try {
      return GhostdagData.decode(encoded);
    } catch (RlpException e) {
      throw new CorruptBlockDataException(STORE_NAME.value(), block, e);
    }
  }

  @Override
  public boolean has(Hash block) {
    synchronized (cache) {
      // GHOSTDAG asks this of every parent, which it has usually just read.
      if (cache.containsKey(block)) {
        return true;
      }
    }
    return store.contains(STORE_NAME, block.unsafeBytes());
  }

  /** Stores {@code data} at once, in a batch of its own. */
  @Override
  public void insert(Hash block, GhostdagData data) {
    WriteBatch batch = new WriteBatch();
    insertBatch(batch, block, data);
    store.commit(batch);
  }

  /**
   * Stages {@code data} for {@code block} into {@code batch}; nothing is visible until the caller
   * commits it.
   *
   * @throws DuplicateBlockDataException when committed data for the block already exists
   */
  public void insertBatch(WriteBatch batch, Hash block, GhostdagData data) {
    if (has(block)) {
      throw new DuplicateBlockDataException(STORE_NAME.value(), block);
    }
    batch.put(STORE_NAME, block.unsafeBytes(), data.encode());
  }
}
