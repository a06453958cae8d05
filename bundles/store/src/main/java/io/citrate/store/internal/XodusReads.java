package io.citrate.store.internal;

import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.StoreName;
import java.util.Arrays;
import java.util.List;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;

/** Reads inside one Xodus transaction; arguments are already checked. */
final class XodusReads {
  private final Environment environment;

  XodusReads(Environment environment) {
    this.environment = environment;
  }

  byte[] get(Transaction txn, StoreName name, byte[] key) {
    Store store = existing(txn, name);
    if (store == null) {
      return null;
    }
    ByteIterable value = store.get(txn, new ArrayByteIterable(key));
    return value == null ? null : bytes(value);
  }

  long count(Transaction txn, StoreName name) {
    Store store = existing(txn, name);
    return store == null ? 0 : store.count(txn);
  }

  List<StoreName> storeNames(Transaction txn) {
    return environment.getAllStoreNames(txn).stream().map(StoreName::of).sorted().toList();
  }

  void scan(Transaction txn, StoreName name, KeyRange range, EntryVisitor visitor) {
    Store store = existing(txn, name);
    if (store == null) {
      return;
    }
    try (Cursor cursor = store.openCursor(txn)) {
      boolean positioned = range.start()
          .map(start -> cursor.getSearchKeyRange(new ArrayByteIterable(start)) != null)
          .orElseGet(cursor::getNext);
      while (positioned) {
        byte[] key = bytes(cursor.getKey());
        if (!range.isBeforeEnd(key) || !visitor.visit(key, bytes(cursor.getValue()))) {
          return;
        }
        positioned = cursor.getNext();
      }
    }
  }

  void scanDescending(Transaction txn, StoreName name, KeyRange range, EntryVisitor visitor) {
    Store store = existing(txn, name);
    if (store == null) {
      return;
    }
    try (Cursor cursor = store.openCursor(txn)) {
      boolean positioned = range.end()
          .map(end -> cursor.getSearchKeyRange(new ArrayByteIterable(end)) != null
              ? cursor.getPrev()
              : cursor.getLast())
          .orElseGet(cursor::getLast);
      while (positioned) {
        byte[] key = bytes(cursor.getKey());
        if (!range.isAtOrAfterStart(key) || !visitor.visit(key, bytes(cursor.getValue()))) {
          return;
        }
        positioned = cursor.getPrev();
      }
    }
  }

  private Store existing(Transaction txn, StoreName name) {
    return environment.openStore(name.value(), StoreConfig.USE_EXISTING, txn, false);
  }

  static byte[] bytes(ByteIterable iterable) {
    return Arrays.copyOf(iterable.getBytesUnsafe(), iterable.getLength());
  }
}
