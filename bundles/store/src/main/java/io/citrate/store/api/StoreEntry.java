package io.citrate.store.api;

import java.util.Arrays;

/** One key and its value, as returned by {@link KeyValueStoreReader#entries}. The arrays are the caller's. */
public record StoreEntry(byte[] key, byte[] value) {
  public StoreEntry {
    StoreLimits.checkNotNull(key, "key");
    StoreLimits.checkNotNull(value, "value");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoreEntry entry
        && Arrays.equals(key, entry.key)
        && Arrays.equals(value, entry.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "StoreEntry[key=" + Arrays.toString(key) + ", value of " + value.length + " bytes]";
  }
}
