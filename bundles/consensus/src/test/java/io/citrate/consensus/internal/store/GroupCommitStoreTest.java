package io.citrate.consensus.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.store.api.InvalidStoreInputException;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.StoreClosedException;
import io.citrate.store.api.StoreEntry;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Reads through pending writes equal reads of a store that took every batch at once. */
class GroupCommitStoreTest {
  private static final StoreName FIRST = StoreName.of("first");
  private static final StoreName SECOND = StoreName.of("second");
  private static final List<StoreName> STORES = List.of(FIRST, SECOND, StoreName.of("never-put"));

  @Property(tries = 200)
  void readsEqualAStoreThatCommittedEveryBatchDirectly(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int batches) {
    Random random = new Random(seed);
    MemoryKeyValueStore backing = new MemoryKeyValueStore();
    GroupCommitStore grouped = new GroupCommitStore(backing);
    MemoryKeyValueStore direct = new MemoryKeyValueStore();
    for (int i = 0; i < batches; i++) {
      WriteBatch batch = randomBatch(random);
      grouped.commit(batch);
      direct.commit(batch);
      if (random.nextInt(4) == 0) {
        grouped.flush();
        assertThat(grouped.hasPendingWrites()).isFalse();
        assertSameContents(backing, direct);
      }
      assertSameContents(grouped, direct);
      assertSameScans(grouped, direct, random);
    }
    grouped.flush();
    assertSameContents(backing, direct);
  }

  @Test
  void aFlushIsOneCommitWithOneWritePerKey() {
    MemoryKeyValueStore backing = new MemoryKeyValueStore();
    GroupCommitStore grouped = new GroupCommitStore(backing);
    for (int i = 0; i < 10; i++) {
      grouped.commit(new WriteBatch().put(FIRST, new byte[] {1}, new byte[] {(byte) i}).put(SECOND, new byte[] {(byte) i}, new byte[0]));
    }
    assertThat(backing.statistics().commitCount()).isZero();

    grouped.flush();

    assertThat(backing.statistics().commitCount()).isEqualTo(1);
    assertThat(backing.get(FIRST, new byte[] {1})).hasValueSatisfying(value -> assertThat(value).containsExactly(9));
    assertThat(backing.count(SECOND)).isEqualTo(10);
    grouped.flush();
    assertThat(backing.statistics().commitCount()).isEqualTo(1);
  }

  @Test
  void aFailedFlushKeepsThePendingWrites() {
    MemoryKeyValueStore backing = new MemoryKeyValueStore();
    GroupCommitStore grouped = new GroupCommitStore(backing);
    grouped.commit(new WriteBatch().put(FIRST, new byte[] {1}, new byte[] {2}));
    backing.close();

    assertThatThrownBy(grouped::flush).isInstanceOf(StoreClosedException.class);

    assertThat(grouped.hasPendingWrites()).isTrue();
    assertThat(grouped.get(FIRST, new byte[] {1})).hasValueSatisfying(value -> assertThat(value).containsExactly(2));
  }

  @Test
  void aSnapshotKeepsThePendingWritesOfItsTime() {
    MemoryKeyValueStore backing = new MemoryKeyValueStore();
    GroupCommitStore grouped = new GroupCommitStore(backing);
    grouped.commit(new WriteBatch().put(FIRST, new byte[] {1}, new byte[] {1}));
    try (KeyValueSnapshot snapshot = grouped.snapshot()) {
      grouped.commit(new WriteBatch().put(FIRST, new byte[] {1}, new byte[] {2}).put(FIRST, new byte[] {2}, new byte[] {2}));
      grouped.flush();

      assertThat(snapshot.get(FIRST, new byte[] {1})).hasValueSatisfying(value -> assertThat(value).containsExactly(1));
      assertThat(snapshot.count(FIRST)).isEqualTo(1);
      snapshot.close();
      assertThatThrownBy(() -> snapshot.get(FIRST, new byte[] {1})).isInstanceOf(StoreClosedException.class);
    }
  }

  @Test
  void badArgumentsAreRefusedAsTheStoreRefusesThem() {
    GroupCommitStore grouped = new GroupCommitStore(new MemoryKeyValueStore());
    grouped.commit(new WriteBatch().put(FIRST, new byte[] {1}, new byte[] {1}));
    assertThatThrownBy(() -> grouped.get(FIRST, new byte[0])).isInstanceOf(InvalidStoreInputException.class);
    assertThatThrownBy(() -> grouped.contains(null, new byte[] {1})).isInstanceOf(InvalidStoreInputException.class);
    assertThatThrownBy(() -> grouped.scan(FIRST, KeyRange.all(), null)).isInstanceOf(InvalidStoreInputException.class);
  }

  /** Puts and deletes over a few one- and two-byte keys, so that writes often hit the same key. */
  private static WriteBatch randomBatch(Random random) {
    WriteBatch batch = new WriteBatch();
    int operations = 1 + random.nextInt(6);
    for (int i = 0; i < operations; i++) {
      StoreName store = random.nextInt(10) == 0 ? STORES.get(2) : STORES.get(random.nextInt(2));
      byte[] key = randomKey(random);
      if (random.nextInt(3) == 0 || store == STORES.get(2)) {
        batch.delete(store, key);
      } else {
        batch.put(store, key, new byte[] {(byte) random.nextInt(256)});
      }
    }
    return batch;
  }

  private static byte[] randomKey(Random random) {
    return random.nextBoolean()
        ? new byte[] {(byte) random.nextInt(8)}
        : new byte[] {(byte) random.nextInt(8), (byte) (random.nextBoolean() ? 0 : 0xff)};
  }

  private static void assertSameContents(KeyValueStoreReader actual, KeyValueStoreReader expected) {
    // A store that a group creates and empties again is never created, so compare only stores with entries.
    assertThat(actual.storeNames().stream().filter(store -> actual.count(store) > 0))
        .containsExactlyElementsOf(expected.storeNames().stream().filter(store -> expected.count(store) > 0).toList());
    for (StoreName store : STORES) {
      assertThat(actual.count(store)).as("count of %s", store).isEqualTo(expected.count(store));
      assertThat(actual.entries(store, KeyRange.all(), 1000)).as("entries of %s", store)
          .isEqualTo(expected.entries(store, KeyRange.all(), 1000));
      for (int first = 0; first < 8; first++) {
        for (byte[] key : List.of(new byte[] {(byte) first}, new byte[] {(byte) first, 0})) {
          assertThat(actual.contains(store, key)).isEqualTo(expected.contains(store, key));
          assertThat(actual.get(store, key).map(value -> new StoreEntry(key, value)))
              .isEqualTo(expected.get(store, key).map(value -> new StoreEntry(key, value)));
        }
      }
    }
  }

  /** Random ranges, both directions, stopped after a random number of entries. */
  private static void assertSameScans(KeyValueStoreReader actual, KeyValueStoreReader expected, Random random) {
    for (int i = 0; i < 4; i++) {
      StoreName store = STORES.get(random.nextInt(2));
      KeyRange range = switch (random.nextInt(4)) {
        case 0 -> KeyRange.all();
        case 1 -> KeyRange.prefix(new byte[] {(byte) random.nextInt(8)});
        case 2 -> KeyRange.atLeast(randomKey(random));
        default -> KeyRange.below(randomKey(random));
      };
      int limit = 1 + random.nextInt(6);
      assertThat(scan(actual, store, range, limit, false)).isEqualTo(scan(expected, store, range, limit, false));
      assertThat(scan(actual, store, range, limit, true)).isEqualTo(scan(expected, store, range, limit, true));
    }
  }

  private static List<StoreEntry> scan(KeyValueStoreReader reader, StoreName store, KeyRange range, int limit,
      boolean descending) {
    List<StoreEntry> entries = new ArrayList<>();
    if (descending) {
      reader.scanDescending(store, range, (key, value) -> entries.add(new StoreEntry(key, value)) && entries.size() < limit);
    } else {
      reader.scan(store, range, (key, value) -> entries.add(new StoreEntry(key, value)) && entries.size() < limit);
    }
    return entries;
  }
}
