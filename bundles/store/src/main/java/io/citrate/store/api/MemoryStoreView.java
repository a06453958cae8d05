package io.citrate.store.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads over one immutable state of a {@link MemoryKeyValueStore}, fetched afresh per call (the live
 * store) or fixed (a snapshot). The supplier throws {@link StoreClosedException} once closed.
 */
final class MemoryStoreView implements KeyValueStoreReader {
  private final Supplier<Map<StoreName, ByteKeyTree>> state;
  private final Runnable pointReadListener;

  MemoryStoreView(Supplier<Map<StoreName, ByteKeyTree>> state, Runnable pointReadListener) {
    this.state = state;
    this.pointReadListener = pointReadListener;
  }

  @Override
  public Optional<byte[]> get(StoreName store, byte[] key) {
    byte[] value = lookUp(store, key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public boolean contains(StoreName store, byte[] key) {
    return lookUp(store, key) != null;
  }

  private byte[] lookUp(StoreName store, byte[] key) {
    StoreLimits.checkNotNull(store, "store name");
    StoreLimits.checkKey(key);
    byte[] value = tree(store).get(key);
    pointReadListener.run();
    return value;
  }

  @Override
  public long count(StoreName store) {
    StoreLimits.checkNotNull(store, "store name");
    return tree(store).size();
  }

  @Override
  public List<StoreName> storeNames() {
    List<StoreName> names = new ArrayList<>(state.get().keySet());
    names.sort(null);
    return names;
  }

  @Override
  public void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    tree(store).scan(range, visitor);
  }

  @Override
  public void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    tree(store).scanDescending(range, visitor);
  }

  private static void checkScan(StoreName store, KeyRange range, EntryVisitor visitor) {
    StoreLimits.checkNotNull(store, "store name");
    StoreLimits.checkNotNull(range, "key range");
    StoreLimits.checkNotNull(visitor, "visitor");
  }

  private ByteKeyTree tree(StoreName store) {
    return state.get().getOrDefault(store, ByteKeyTree.EMPTY);
  }
}
