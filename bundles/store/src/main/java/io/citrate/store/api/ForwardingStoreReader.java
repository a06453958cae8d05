package io.citrate.store.api;

import java.util.List;
import java.util.Optional;

/** A reader that answers every read from another one: the memory store and its snapshots share one view. */
interface ForwardingStoreReader extends KeyValueStoreReader {

  KeyValueStoreReader reads();

  @Override
  default Optional<byte[]> get(StoreName store, byte[] key) {
    return reads().get(store, key);
  }

  @Override
  default boolean contains(StoreName store, byte[] key) {
    return reads().contains(store, key);
  }

  @Override
  default long count(StoreName store) {
    return reads().count(store);
  }

  @Override
  default List<StoreName> storeNames() {
    return reads().storeNames();
  }

  @Override
  default void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    reads().scan(store, range, visitor);
  }

  @Override
  default void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    reads().scanDescending(store, range, visitor);
  }
}
