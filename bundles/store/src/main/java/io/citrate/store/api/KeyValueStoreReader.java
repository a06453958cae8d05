package io.citrate.store.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to named key-value stores. Keys are ordered as unsigned bytes. Every call reads one
 * committed state: it sees all of a {@link WriteBatch} or none of it. A store that was never written
 * reads as empty.
 *
 * <p>Invalid arguments throw {@link InvalidStoreInputException}; a closed store throws
 * {@link StoreClosedException}; a storage failure throws {@link StoreFailureException}.
 */
@ProviderType
public interface KeyValueStoreReader {

  /** The value stored under {@code key}, a fresh copy. */
  Optional<byte[]> get(StoreName store, byte[] key);

  boolean contains(StoreName store, byte[] key);

  /** Number of entries in {@code store}. */
  long count(StoreName store);

  /** Names of the stores that exist, ascending. */
  List<StoreName> storeNames();

  /** Visits the entries of {@code range} in ascending key order until the visitor returns false. */
  void scan(StoreName store, KeyRange range, EntryVisitor visitor);

  /** Visits the entries of {@code range} in descending key order until the visitor returns false. */
  void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor);

  /** At most {@code limit} entries of {@code range}, ascending. */
  default List<StoreEntry> entries(StoreName store, KeyRange range, int limit) {
    if (limit < 0) {
      throw new InvalidStoreInputException("limit is negative: " + limit);
    }
    List<StoreEntry> entries = new ArrayList<>(Math.min(limit, 1024));
    if (limit > 0) {
      scan(store, range, (key, value) -> {
        entries.add(new StoreEntry(key, value));
        return entries.size() < limit;
      });
    }
    return entries;
  }
}
