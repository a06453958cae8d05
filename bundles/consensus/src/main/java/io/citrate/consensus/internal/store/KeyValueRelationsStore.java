package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link RelationsStore} on a {@link KeyValueStore}. Parents: one entry per block holding the RLP list
 * of its parents. Children: one empty entry per edge, keyed {@code parent || child}, so that adding a
 * child never rewrites a list and several blocks staged into one batch cannot overwrite each other's
 * edges; a prefix scan lists a block's children in ascending hash order.
 */
public final class KeyValueRelationsStore implements RelationsStore {
  public static final StoreName PARENTS = StoreName.of("relations-parents");
  public static final StoreName CHILDREN = StoreName.of("relations-children");

  private static final byte[] EDGE = new byte[0];

  /** Parent lists kept in memory; like GHOSTDAG data they never change once committed. */
  private static final int CACHE_CAPACITY = 50_000;

  private final KeyValueStore store;
  private final Map<Hash, List<Hash>> parentsCache = new LinkedHashMap<>(1 << 12, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, List<Hash>> eldest) {
      return size() > CACHE_CAPACITY;
    }
  };

  public KeyValueRelationsStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public List<Hash> parents(Hash block) {
    synchronized (parentsCache) {
      List<Hash> cached = parentsCache.get(block);
      if (cached != null) {
        return cached;
      }
    }
    List<Hash> parents = loadParents(block);
    synchronized (parentsCache) {
      parentsCache.put(block, parents);
    }
    return parents;
  }

  private List<Hash> loadParents(Hash block) {
    byte[] encoded = store.get(PARENTS, block.unsafeBytes())
        .orElseThrow(() -> new MissingBlockDataException(PARENTS.value(), block));
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader list = outer.enterList();
      outer.ensureEnd();
      List<Hash> parents = new ArrayList<>();
      while (list.hasNext()) {
        parents.add(Hash.wrapUnsafe(list.readBytes(Hash.SIZE, "parent")));
      }
      return List.copyOf(parents);
    } catch (RlpException e) {
      throw new CorruptBlockDataException(PARENTS.value(), block, e);
    }
  }

  @Override
  public List<Hash> children(Hash block) {
    if (!has(block)) {
      throw new MissingBlockDataException(PARENTS.value(), block);
    }
    List<Hash> children = new ArrayList<>();
    store.scan(CHILDREN, KeyRange.prefix(block.unsafeBytes()), (key, value) -> {
      children.add(Hash.wrapUnsafe(Arrays.copyOfRange(key, Hash.SIZE, 2 * Hash.SIZE)));
      return true;
    });
    return List.copyOf(children);
  }

  @Override
  public boolean has(Hash block) {
    synchronized (parentsCache) {
      if (parentsCache.containsKey(block)) {
        return true;
      }
    }
    return store.contains(PARENTS, block.unsafeBytes());
  }

  /** Adds the block at once, in a batch of its own. */
  @Override
  public void insert(Hash block, List<Hash> parents) {
    WriteBatch batch = new WriteBatch();
    insertBatch(batch, block, parents);
    store.commit(batch);
  }

  /**
   * Stages {@code block}, its parents and its child edges into {@code batch}; nothing is visible until
   * the caller commits it.
   *
   * @throws DuplicateBlockDataException when the block was already committed
   * @throws IllegalArgumentException when {@code parents} names a block twice
   */
  public void insertBatch(WriteBatch batch, Hash block, List<Hash> parents) {
    List<Hash> sorted = sortedDistinct(block, parents);
    if (has(block)) {
      throw new DuplicateBlockDataException(PARENTS.value(), block);
    }
    List<byte[]> items = new ArrayList<>(sorted.size());
    sorted.forEach(parent -> items.add(Rlp.encodeBytes(parent.unsafeBytes())));
    batch.put(PARENTS, block.unsafeBytes(), Rlp.encodeList(items));
    for (Hash parent : sorted) {
      batch.put(CHILDREN, edgeKey(parent, block), EDGE);
    }
  }

  /** The parents in ascending hash order, refusing repeats: the order the stores keep them in. */
  static List<Hash> sortedDistinct(Hash block, List<Hash> parents) {
    TreeSet<Hash> sorted = new TreeSet<>(parents);
    if (sorted.size() != parents.size()) {
      throw new IllegalArgumentException("block " + block + " names a parent twice: " + parents);
    }
    return List.copyOf(sorted);
  }

  private static byte[] edgeKey(Hash parent, Hash child) {
    byte[] key = new byte[2 * Hash.SIZE];
    System.arraycopy(parent.unsafeBytes(), 0, key, 0, Hash.SIZE);
    System.arraycopy(child.unsafeBytes(), 0, key, Hash.SIZE, Hash.SIZE);
    return key;
  }
}
