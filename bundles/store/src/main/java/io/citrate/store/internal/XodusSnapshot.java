package io.citrate.store.internal;

import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.StoreClosedException;
import io.citrate.store.api.StoreName;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jetbrains.exodus.env.Transaction;

/** A read-only Xodus transaction held open: every read sees the state it began with. */
final class XodusSnapshot implements KeyValueSnapshot {
  private final Transaction txn;
  private final XodusReads reads;
  private final XodusKeyValueStore store;
  private boolean closed;

  XodusSnapshot(Transaction txn, XodusReads reads, XodusKeyValueStore store) {
    this.txn = txn;
    this.reads = reads;
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(StoreName name, byte[] key) {
    XodusKeyValueStore.checkPointRead(name, key);
    return Optional.ofNullable(read(txn -> reads.get(txn, name, key)));
  }

  @Override
  public boolean contains(StoreName name, byte[] key) {
    XodusKeyValueStore.checkPointRead(name, key);
    return read(txn -> reads.get(txn, name, key) != null);
  }

  @Override
  public long count(StoreName name) {
    XodusKeyValueStore.checkName(name);
    return read(txn -> reads.count(txn, name));
  }

  @Override
  public List<StoreName> storeNames() {
    return read(reads::storeNames);
  }

  @Override
  public void scan(StoreName name, KeyRange range, EntryVisitor visitor) {
    XodusKeyValueStore.checkScan(name, range, visitor);
    read(txn -> {
      reads.scan(txn, name, range, visitor);
      return null;
    });
  }

  @Override
  public void scanDescending(StoreName name, KeyRange range, EntryVisitor visitor) {
    XodusKeyValueStore.checkScan(name, range, visitor);
    read(txn -> {
      reads.scanDescending(txn, name, range, visitor);
      return null;
    });
  }

  /** Ends the transaction, letting the collector reclaim what only this snapshot still saw. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!txn.isFinished() && !store.isClosed()) {
      txn.abort();
    }
  }

  private synchronized <T> T read(Function<Transaction, T> work) {
    if (closed) {
      throw new StoreClosedException("the snapshot is closed");
    }
    return store.readInSnapshot(txn, work);
  }
}
