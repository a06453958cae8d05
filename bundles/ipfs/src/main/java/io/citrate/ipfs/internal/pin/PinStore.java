package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreException;
import io.citrate.store.api.StoreLimits;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pins in the node's key-value store: each record by request id, plus two indexes, all written in one batch per
 * change so that a crash leaves either the old or the new pin, never half of one.
 */
final class PinStore {
  /** Request id (UTF-8) to the JSON record. */
  static final StoreName PINS = StoreName.of("ipfs-pins");
  /** CID bytes then request id to nothing: pins of one id, and every pinned root. */
  static final StoreName BY_CID = StoreName.of("ipfs-pins-by-cid");
  /** Creation time (epoch milliseconds, 8 bytes big-endian) then request id to nothing: pins newest first. */
  static final StoreName BY_TIME = StoreName.of("ipfs-pins-by-time");

  private static final byte[] EMPTY = new byte[0];

  private final KeyValueStore store;

  PinStore(KeyValueStore store) {
    this.store = store;
  }

  Optional<PinRecord> find(String requestId) {
    return guarded(() -> store.get(PINS, utf8(requestId)).map(bytes -> PinRecord.decode(requestId, bytes)));
  }

  /** Writes a new or updated record (its indexes never change after creation, so they are written again as-is). */
  void put(PinRecord record) {
    commit(addPut(new WriteBatch(), record));
  }

  void delete(PinRecord record) {
    commit(addDelete(new WriteBatch(), record));
  }

  /** Removes {@code old} and writes {@code replacement} in one commit. */
  void replace(PinRecord old, PinRecord replacement) {
    commit(addPut(addDelete(new WriteBatch(), old), replacement));
  }

  /** Request ids of the pins of {@code cid}, in index order. */
  List<String> requestIdsOf(Cid cid) {
    byte[] prefix = cid.bytes();
    List<String> ids = new ArrayList<>();
    guarded(() -> {
      store.scan(BY_CID, KeyRange.prefix(prefix), (key, value) -> {
        ids.add(new String(key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8));
        return true;
      });
      return null;
    });
    return ids;
  }

  /** Every CID some pin names, each once. */
  List<Cid> roots() {
    Set<Cid> roots = new LinkedHashSet<>();
    guarded(() -> {
      store.scan(BY_CID, KeyRange.all(), (key, value) -> {
        roots.add(Cid.read(key, new Cursor(0)));
        return true;
      });
      return null;
    });
    return new ArrayList<>(roots);
  }

  /** Visits records newest first until {@code visitor} returns false, all from one consistent snapshot. */
  void visitNewestFirst(Predicate<PinRecord> visitor) {
    guarded(() -> {
      try (KeyValueSnapshot snapshot = store.snapshot()) {
        snapshot.scanDescending(BY_TIME, KeyRange.all(), (key, value) -> {
          String requestId = new String(key, Long.BYTES, key.length - Long.BYTES, StandardCharsets.UTF_8);
          Optional<PinRecord> record =
              snapshot.get(PINS, utf8(requestId)).map(bytes -> PinRecord.decode(requestId, bytes));
          return record.isEmpty() || visitor.test(record.get());
        });
      }
      return null;
    });
  }

  /** Visits every record, in request id order. */
  void visitAll(Predicate<PinRecord> visitor) {
    guarded(() -> {
      store.scan(PINS, KeyRange.all(), (key, value) ->
          visitor.test(PinRecord.decode(new String(key, StandardCharsets.UTF_8), value)));
      return null;
    });
  }

  private WriteBatch addPut(WriteBatch batch, PinRecord record) {
    byte[] encoded = record.encode();
    if (encoded.length > StoreLimits.MAX_VALUE_SIZE) {
      throw new IpfsException(Kind.TOO_LARGE, "pin " + record.requestId() + " encodes to " + encoded.length
          + " bytes, the limit is " + StoreLimits.MAX_VALUE_SIZE + ": use fewer or shorter metadata entries");
    }
    return batch.put(PINS, utf8(record.requestId()), encoded)
        .put(BY_CID, cidKey(record), EMPTY)
        .put(BY_TIME, timeKey(record), EMPTY);
  }

  private static WriteBatch addDelete(WriteBatch batch, PinRecord record) {
    return batch.delete(PINS, utf8(record.requestId()))
        .delete(BY_CID, cidKey(record))
        .delete(BY_TIME, timeKey(record));
  }

  private static byte[] cidKey(PinRecord record) {
    byte[] cid = record.cid().bytes();
    byte[] id = utf8(record.requestId());
    return ByteBuffer.allocate(cid.length + id.length).put(cid).put(id).array();
  }

  private static byte[] timeKey(PinRecord record) {
    byte[] id = utf8(record.requestId());
    return ByteBuffer.allocate(Long.BYTES + id.length).putLong(record.created().toEpochMilli()).put(id).array();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void commit(WriteBatch batch) {
    guarded(() -> {
      store.commit(batch);
      return null;
    });
  }

  /** Runs a store operation, reporting the store's failures as STORAGE. */
  private static <T> T guarded(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (StoreException e) {
      throw new IpfsException(Kind.STORAGE, "pin store failed: " + e.getMessage(), e);
    }
  }
}
