package io.citrate.store.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Puts and deletes across named stores, committed all-or-nothing by {@link KeyValueStore#commit}.
 * Every operation is checked when added, so a bad one is refused before the batch holds it; keys and
 * values are copied. Not thread-safe; reusable after a commit.
 */
public final class WriteBatch {
  private final List<Operation> operations = new ArrayList<>();

  /** Stores {@code value} under {@code key} in {@code store}, creating the store if needed. */
  public WriteBatch put(StoreName store, byte[] key, byte[] value) {
    operations.add(new Put(store, key, value));
    return this;
  }

  /** Removes {@code key} from {@code store}; removing what is absent does nothing. */
  public WriteBatch delete(StoreName store, byte[] key) {
    operations.add(new Delete(store, key));
    return this;
  }

  /** The operations in the order they were added. */
  public List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  public int size() {
    return operations.size();
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /** One operation of a batch. */
  public sealed interface Operation permits Put, Delete {
    StoreName store();

    /** The key, a fresh copy. */
    byte[] key();
  }

  /** Store {@code value} under {@code key}. */
  public record Put(StoreName store, byte[] key, byte[] value) implements Operation {
    public Put {
      StoreLimits.checkNotNull(store, "store name");
      key = StoreLimits.checkKey(key).clone();
      value = StoreLimits.checkValue(value).clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    /** The value, a fresh copy. */
    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Put put
          && store.equals(put.store)
          && Arrays.equals(key, put.key)
          && Arrays.equals(value, put.value);
    }

    @Override
    public int hashCode() {
      return (31 * store.hashCode() + Arrays.hashCode(key)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Put[" + store + ", key of " + key.length + " bytes, value of " + value.length + " bytes]";
    }
  }

  /** Remove {@code key}. */
  public record Delete(StoreName store, byte[] key) implements Operation {
    public Delete {
      StoreLimits.checkNotNull(store, "store name");
      key = StoreLimits.checkKey(key).clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Delete delete && store.equals(delete.store) && Arrays.equals(key, delete.key);
    }

    @Override
    public int hashCode() {
      return 31 * store.hashCode() + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return "Delete[" + store + ", key of " + key.length + " bytes]";
    }
  }
}
