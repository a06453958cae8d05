package io.citrate.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyValueStore} shares; each implementation's test extends this class.
 */
public abstract class KeyValueStoreContractTest {
  protected static final StoreName HEADERS = StoreName.of("headers");
  protected static final StoreName BODIES = StoreName.of("bodies");

  protected KeyValueStore store;

  /** A new, empty store. */
  protected abstract KeyValueStore open() throws Exception;

  protected abstract void close(KeyValueStore store) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close(store);
  }

  protected static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  protected static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<byte[]> keys(StoreName name, KeyRange range) {
    List<byte[]> keys = new ArrayList<>();
    store.scan(name, range, (key, value) -> keys.add(key));
    return keys;
  }

  private List<byte[]> keysDescending(StoreName name, KeyRange range) {
    List<byte[]> keys = new ArrayList<>();
    store.scanDescending(name, range, (key, value) -> keys.add(key));
    return keys;
  }

  private void putAll(StoreName name, byte[]... keys) {
    WriteBatch batch = new WriteBatch();
    for (byte[] key : keys) {
      batch.put(name, key, key);
    }
    store.commit(batch);
  }

  @Test
  void putThenGetReturnsTheValue() {
    store.commit(new WriteBatch().put(HEADERS, utf8("a"), utf8("alpha")));

    assertThat(store.get(HEADERS, utf8("a"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("alpha")));
    assertThat(store.contains(HEADERS, utf8("a"))).isTrue();
    assertThat(store.get(HEADERS, utf8("b"))).isEmpty();
    assertThat(store.contains(HEADERS, utf8("b"))).isFalse();
  }

  @Test
  void aStoreNeverWrittenReadsAsEmpty() {
    assertThat(store.get(BODIES, utf8("a"))).isEmpty();
    assertThat(store.count(BODIES)).isZero();
    assertThat(keys(BODIES, KeyRange.all())).isEmpty();
    assertThat(store.storeNames()).isEmpty();
  }

  @Test
  void emptyValuesAreValues() {
    store.commit(new WriteBatch().put(HEADERS, utf8("set-member"), new byte[0]));

    assertThat(store.get(HEADERS, utf8("set-member"))).hasValueSatisfying(value -> assertThat(value).isEmpty());
    assertThat(store.contains(HEADERS, utf8("set-member"))).isTrue();
  }

  @Test
  void theLargestKeyAndValueAreAccepted() {
    byte[] key = new byte[StoreLimits.MAX_KEY_SIZE];
    Arrays.fill(key, (byte) 7);
    byte[] value = new byte[StoreLimits.MAX_VALUE_SIZE];
    value[value.length - 1] = 42;

    store.commit(new WriteBatch().put(BODIES, key, value));

    assertThat(store.get(BODIES, key)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(value));
  }

  @Test
  void overwritingReplacesAndDeletingRemoves() {
    store.commit(new WriteBatch().put(HEADERS, utf8("k"), utf8("one")));
    store.commit(new WriteBatch().put(HEADERS, utf8("k"), utf8("two")));
    assertThat(store.get(HEADERS, utf8("k"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("two")));
    assertThat(store.count(HEADERS)).isEqualTo(1);

    store.commit(new WriteBatch().delete(HEADERS, utf8("k")));
    assertThat(store.get(HEADERS, utf8("k"))).isEmpty();
    assertThat(store.count(HEADERS)).isZero();
  }

  @Test
  void deletingWhatIsAbsentChangesNothingAndCreatesNoStore() {
    store.commit(new WriteBatch().delete(BODIES, utf8("nothing")));

    assertThat(store.storeNames()).isEmpty();
    assertThat(store.count(BODIES)).isZero();
  }

  @Test
  void aBatchAppliesInOrderAcrossStoresAndTheLastWriteWins() {
    store.commit(new WriteBatch().put(HEADERS, utf8("gone"), utf8("x")));

    store.commit(new WriteBatch()
        .put(HEADERS, utf8("h"), utf8("first"))
        .put(BODIES, utf8("b"), utf8("body"))
        .put(HEADERS, utf8("h"), utf8("second"))
        .delete(HEADERS, utf8("gone"))
        .put(BODIES, utf8("temp"), utf8("t"))
        .delete(BODIES, utf8("temp")));

    assertThat(store.get(HEADERS, utf8("h"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("second")));
    assertThat(store.get(BODIES, utf8("b"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("body")));
    assertThat(store.contains(HEADERS, utf8("gone"))).isFalse();
    assertThat(store.contains(BODIES, utf8("temp"))).isFalse();
    assertThat(store.storeNames()).containsExactly(BODIES, HEADERS);
    assertThat(store.count(HEADERS)).isEqualTo(1);
    assertThat(store.count(BODIES)).isEqualTo(1);
  }

  @Test
  void anEmptyBatchDoesNothing() {
    long commits = store.statistics().commitCount();

    store.commit(new WriteBatch());

    assertThat(store.storeNames()).isEmpty();
    assertThat(store.statistics().commitCount()).isEqualTo(commits);
  }

  @Test
  void keysAreOrderedAsUnsignedBytes() {
    putAll(HEADERS, bytes(0xff), bytes(0x80), bytes(0x7f), bytes(0x01), bytes(0x00, 0x01), bytes(0x80, 0x00));

    assertThat(keys(HEADERS, KeyRange.all())).containsExactly(
        bytes(0x00, 0x01), bytes(0x01), bytes(0x7f), bytes(0x80), bytes(0x80, 0x00), bytes(0xff));
    assertThat(keysDescending(HEADERS, KeyRange.all())).containsExactly(
        bytes(0xff), bytes(0x80, 0x00), bytes(0x80), bytes(0x7f), bytes(0x01), bytes(0x00, 0x01));
  }

  @Test
  void prefixScansSeeOnlyKeysWithThePrefix() {
    putAll(HEADERS, bytes(0x01), bytes(0x01, 0x00), bytes(0x01, 0xff, 0xff), bytes(0x02), bytes(0x00, 0xff),
        bytes(0xff, 0xff), bytes(0xff, 0xff, 0x01), bytes(0xff, 0xfe));

    assertThat(keys(HEADERS, KeyRange.prefix(bytes(0x01))))
        .containsExactly(bytes(0x01), bytes(0x01, 0x00), bytes(0x01, 0xff, 0xff));
    assertThat(keysDescending(HEADERS, KeyRange.prefix(bytes(0x01))))
        .containsExactly(bytes(0x01, 0xff, 0xff), bytes(0x01, 0x00), bytes(0x01));
    assertThat(keys(HEADERS, KeyRange.prefix(bytes(0xff, 0xff))))
        .containsExactly(bytes(0xff, 0xff), bytes(0xff, 0xff, 0x01));
    assertThat(keysDescending(HEADERS, KeyRange.prefix(bytes(0xff, 0xff))))
        .containsExactly(bytes(0xff, 0xff, 0x01), bytes(0xff, 0xff));
    assertThat(keys(HEADERS, KeyRange.prefix(bytes(0x03)))).isEmpty();
  }

  @Test
  void rangeScansIncludeTheStartAndExcludeTheEnd() {
    putAll(HEADERS, bytes(1), bytes(2), bytes(3), bytes(4), bytes(5));

    assertThat(keys(HEADERS, KeyRange.between(bytes(2), bytes(4)))).containsExactly(bytes(2), bytes(3));
    assertThat(keysDescending(HEADERS, KeyRange.between(bytes(2), bytes(4)))).containsExactly(bytes(3), bytes(2));
    assertThat(keys(HEADERS, KeyRange.between(bytes(2, 0), bytes(9)))).containsExactly(bytes(3), bytes(4), bytes(5));
    assertThat(keysDescending(HEADERS, KeyRange.between(bytes(0), bytes(3, 0)))).containsExactly(bytes(3), bytes(2), bytes(1));
    assertThat(keys(HEADERS, KeyRange.between(bytes(3), bytes(3)))).isEmpty();
    assertThat(keys(HEADERS, KeyRange.atLeast(bytes(4)))).containsExactly(bytes(4), bytes(5));
    assertThat(keysDescending(HEADERS, KeyRange.atLeast(bytes(4)))).containsExactly(bytes(5), bytes(4));
    assertThat(keys(HEADERS, KeyRange.below(bytes(2)))).containsExactly(bytes(1));
    assertThat(keysDescending(HEADERS, KeyRange.below(bytes(2)))).containsExactly(bytes(1));
    assertThat(keys(HEADERS, KeyRange.atLeast(bytes(6)))).isEmpty();
    assertThat(keysDescending(HEADERS, KeyRange.below(bytes(1)))).isEmpty();
    assertThat(keysDescending(HEADERS, KeyRange.below(bytes(9)))).containsExactly(bytes(5), bytes(4), bytes(3), bytes(2), bytes(1));
  }

  @Test
  void aScanStopsWhenTheVisitorSaysSo() {
    putAll(HEADERS, bytes(1), bytes(2), bytes(3));
    List<byte[]> seen = new ArrayList<>();

    store.scanDescending(HEADERS, KeyRange.all(), (key, value) -> seen.add(key) && seen.size() < 2);

    assertThat(seen).containsExactly(bytes(3), bytes(2));
    assertThat(store.entries(HEADERS, KeyRange.all(), 2))
        .containsExactly(new StoreEntry(bytes(1), bytes(1)), new StoreEntry(bytes(2), bytes(2)));
    assertThat(store.entries(HEADERS, KeyRange.all(), 0)).isEmpty();
  }

  @Test
  void callersOwnTheArraysTheyPassAndReceive() {
    byte[] key = utf8("k");
    byte[] value = utf8("value");
    WriteBatch batch = new WriteBatch().put(HEADERS, key, value);
    key[0] = 'x';
    value[0] = 'X';
    store.commit(batch);

    byte[] read = store.get(HEADERS, utf8("k")).orElseThrow();
    read[0] = 'Y';
    store.scan(HEADERS, KeyRange.all(), (scannedKey, scannedValue) -> {
      scannedKey[0] = 'z';
      scannedValue[0] = 'Z';
      return true;
    });

    assertThat(store.get(HEADERS, utf8("k"))).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(utf8("value")));
  }

  @Test
  void aSnapshotKeepsSeeingTheStateItBeganWith() {
    store.commit(new WriteBatch().put(HEADERS, utf8("h"), utf8("old")).put(BODIES, utf8("b"), utf8("old")));

    try (KeyValueSnapshot snapshot = store.snapshot()) {
      store.commit(new WriteBatch()
          .put(HEADERS, utf8("h"), utf8("new"))
          .delete(BODIES, utf8("b"))
          .put(StoreName.of("later"), utf8("l"), utf8("l")));

      assertThat(snapshot.get(HEADERS, utf8("h"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("old")));
      assertThat(snapshot.contains(BODIES, utf8("b"))).isTrue();
      assertThat(snapshot.count(BODIES)).isEqualTo(1);
      assertThat(snapshot.storeNames()).containsExactly(BODIES, HEADERS);
      assertThat(snapshot.entries(HEADERS, KeyRange.all(), 10)).containsExactly(new StoreEntry(utf8("h"), utf8("old")));
      List<byte[]> descending = new ArrayList<>();
      snapshot.scanDescending(BODIES, KeyRange.all(), (key, value) -> descending.add(key));
      assertThat(descending).containsExactly(utf8("b"));
    }
    assertThat(store.get(HEADERS, utf8("h"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("new")));
    assertThat(store.storeNames()).containsExactly(BODIES, HEADERS, StoreName.of("later"));
  }

  @Test
  void aClosedSnapshotRefusesReads() {
    KeyValueSnapshot snapshot = store.snapshot();
    snapshot.close();
    snapshot.close();

    assertThatThrownBy(() -> snapshot.get(HEADERS, utf8("h")))
        .isInstanceOf(StoreClosedException.class)
        .hasMessageContaining("snapshot is closed");
    assertThatThrownBy(snapshot::storeNames).isInstanceOf(StoreClosedException.class);
  }

  @Test
  void readsSeeAllOfABatchOrNoneOfIt() throws Exception {
    int keysPerBatch = 20;
    int batches = 150;
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        for (int round = 1; round <= batches; round++) {
          WriteBatch batch = new WriteBatch();
          for (int key = 0; key < keysPerBatch; key++) {
            batch.put(HEADERS, bytes(key), bytes(round));
            batch.put(BODIES, bytes(key), bytes(round));
          }
          store.commit(batch);
        }
      } finally {
        writing.set(false);
      }
    });

    int checks = 0;
    while (writing.get() || checks == 0) {
      List<Integer> rounds = new ArrayList<>();
      store.scan(HEADERS, KeyRange.all(), (key, value) -> rounds.add(value[0] & 0xff));
      assertThat(rounds.size()).as("keys seen by one scan").isIn(0, keysPerBatch);
      assertThat(new HashSet<>(rounds)).as("batches seen by one scan").hasSizeLessThanOrEqualTo(1);
      try (KeyValueSnapshot snapshot = store.snapshot()) {
        Optional<Byte> firstHeader = snapshot.get(HEADERS, bytes(0)).map(value -> value[0]);
        Optional<Byte> lastBody = snapshot.get(BODIES, bytes(keysPerBatch - 1)).map(value -> value[0]);
        assertThat(lastBody).isEqualTo(firstHeader);
      }
      checks++;
    }
    writer.get(10, TimeUnit.SECONDS);
    assertThat(store.get(BODIES, bytes(0))).hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes(batches)));
  }

  @Test
  void statisticsListTheStoresAndCountCommitsAndReads() {
    store.commit(new WriteBatch().put(HEADERS, utf8("a"), utf8("1")).put(HEADERS, utf8("b"), utf8("2")));
    store.commit(new WriteBatch().put(BODIES, utf8("a"), utf8("1")));
    store.get(HEADERS, utf8("a"));
    store.contains(BODIES, utf8("z"));

    StorageStatistics statistics = store.statistics();

    assertThat(statistics.stores()).containsExactly(new StoreStatistics(BODIES, 1), new StoreStatistics(HEADERS, 2));
    assertThat(statistics.commitCount()).isEqualTo(2);
    assertThat(statistics.failedCommitCount()).isZero();
    assertThat(statistics.readCount()).isEqualTo(2);
    assertThat(statistics.sizeInBytes()).isPositive();
    assertThat(statistics.location()).isNotBlank();
  }

  @Test
  void compactionKeepsEveryLiveEntry() {
    for (int round = 0; round < 5; round++) {
      putAll(HEADERS, bytes(1), bytes(2), bytes(3));
    }
    store.commit(new WriteBatch().delete(HEADERS, bytes(2)));

    CompactionResult result = store.compact();

    assertThat(result.sizeBeforeBytes()).isPositive();
    assertThat(result.sizeAfterBytes()).isPositive();
    assertThat(keys(HEADERS, KeyRange.all())).containsExactly(bytes(1), bytes(3));
  }

  // Bad input: a typed error with a clear message, and nothing changed.

  private void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidStoreInputException.class).hasMessageContaining(message);
  }

  @Test
  void invalidStoreNamesAreRejected() {
    assertRejected(() -> StoreName.of(null), "store name is null");
    assertRejected(() -> StoreName.of(""), "invalid store name ''");
    assertRejected(() -> StoreName.of("has space"), "invalid store name 'has space'");
    assertRejected(() -> StoreName.of(".hidden"), "starting with a letter or digit");
    assertRejected(() -> StoreName.of("x".repeat(StoreName.MAX_LENGTH + 1)), "1 to 64 characters");
    assertThat(StoreName.of("x".repeat(StoreName.MAX_LENGTH)).value()).hasSize(StoreName.MAX_LENGTH);
  }

  @Test
  void badKeysAndValuesNeverEnterABatch() {
    WriteBatch batch = new WriteBatch().put(HEADERS, utf8("good"), utf8("v"));

    assertRejected(() -> batch.put(HEADERS, null, utf8("v")), "key is null");
    assertRejected(() -> batch.put(HEADERS, new byte[0], utf8("v")), "key is empty");
    assertRejected(() -> batch.put(HEADERS, new byte[StoreLimits.MAX_KEY_SIZE + 1], utf8("v")),
        "key is 1025 bytes, the limit is 1024");
    assertRejected(() -> batch.put(HEADERS, utf8("k"), null), "value is null");
    assertRejected(() -> batch.put(HEADERS, utf8("k"), new byte[StoreLimits.MAX_VALUE_SIZE + 1]),
        "the limit is " + StoreLimits.MAX_VALUE_SIZE);
    assertRejected(() -> batch.put(null, utf8("k"), utf8("v")), "store name is null");
    assertRejected(() -> batch.delete(HEADERS, new byte[0]), "key is empty");
    assertRejected(() -> batch.delete(null, utf8("k")), "store name is null");
    assertThat(batch.size()).isEqualTo(1);

    store.commit(batch);
    assertThat(store.count(HEADERS)).isEqualTo(1);
  }

  @Test
  void badReadArgumentsAreRejected() {
    store.commit(new WriteBatch().put(HEADERS, utf8("k"), utf8("v")));

    assertRejected(() -> store.get(HEADERS, null), "key is null");
    assertRejected(() -> store.get(HEADERS, new byte[0]), "key is empty");
    assertRejected(() -> store.get(null, utf8("k")), "store name is null");
    assertRejected(() -> store.contains(HEADERS, new byte[StoreLimits.MAX_KEY_SIZE + 1]), "key is 1025 bytes");
    assertRejected(() -> store.count(null), "store name is null");
    assertRejected(() -> store.scan(HEADERS, null, (key, value) -> true), "key range is null");
    assertRejected(() -> store.scan(HEADERS, KeyRange.all(), null), "visitor is null");
    assertRejected(() -> store.scanDescending(null, KeyRange.all(), (key, value) -> true), "store name is null");
    assertRejected(() -> store.entries(HEADERS, KeyRange.all(), -1), "limit is negative");
    assertRejected(() -> store.commit(null), "batch is null");
    assertRejected(() -> KeyRange.between(bytes(2), bytes(1)), "range start is after its end");
    assertRejected(() -> KeyRange.prefix(new byte[0]), "key is empty");
    assertRejected(() -> KeyRange.atLeast(null), "key is null");
    assertThat(store.count(HEADERS)).isEqualTo(1);
  }

  @Test
  void aClosedStoreRefusesEverythingAndChangesNothing() throws Exception {
    store.commit(new WriteBatch().put(HEADERS, utf8("k"), utf8("v")));
    close(store);

    assertThatThrownBy(() -> store.commit(new WriteBatch().put(HEADERS, utf8("k2"), utf8("v"))))
        .isInstanceOf(StoreClosedException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.get(HEADERS, utf8("k"))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.contains(HEADERS, utf8("k"))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.count(HEADERS)).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::storeNames).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.scan(HEADERS, KeyRange.all(), (key, value) -> true))
        .isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::snapshot).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::statistics).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::compact).isInstanceOf(StoreClosedException.class);
  }

  @Test
  void aSnapshotOfAClosedStoreRefusesReads() throws Exception {
    KeyValueSnapshot snapshot = store.snapshot();
    close(store);

    assertThatThrownBy(() -> snapshot.count(HEADERS)).isInstanceOf(StoreClosedException.class);
    snapshot.close();
  }
}
