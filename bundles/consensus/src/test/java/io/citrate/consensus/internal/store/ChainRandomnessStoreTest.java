package io.citrate.consensus.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChainRandomnessStoreTest {
  private static final ChainRandomness RECORD =
      new ChainRandomness(7, StoreTestHashes.hash(1), StoreTestHashes.hash(2), StoreTestHashes.hash(3));

  static Stream<ChainRandomnessStore> stores() {
    return Stream.of(new MemoryChainRandomnessStore(), new KeyValueChainRandomnessStore(new MemoryKeyValueStore()));
  }

  @Test
  void encodesToTheDocumentedFixedLayout() {
    byte[] encoded = RECORD.encode();
    assertThat(encoded).hasSize(104);
    assertThat(Arrays.copyOfRange(encoded, 0, 8)).containsExactly(0, 0, 0, 0, 0, 0, 0, 7);
    assertThat(Arrays.copyOfRange(encoded, 8, 40)).isEqualTo(RECORD.accumulated().toArray());
    assertThat(Arrays.copyOfRange(encoded, 72, 104)).isEqualTo(RECORD.throughEpochBeforePrevious().toArray());
    assertThat(ChainRandomness.decode(encoded)).isEqualTo(RECORD);
  }

  @Test
  void rejectsEncodingsOfAnotherLengthAndNegativeEpochs() {
    assertThatThrownBy(() -> ChainRandomness.decode(new byte[103]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("104 bytes, got 103");
    byte[] negative = RECORD.encode();
    negative[0] = (byte) 0x80;
    assertThatThrownBy(() -> ChainRandomness.decode(negative))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch must not be negative");
  }

  @ParameterizedTest
  @MethodSource("stores")
  void storesAndReadsRecords(ChainRandomnessStore store) {
    store.insert(StoreTestHashes.hash(9), RECORD);

    assertThat(store.has(StoreTestHashes.hash(9))).isTrue();
    assertThat(store.get(StoreTestHashes.hash(9))).isEqualTo(RECORD);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void missingDataIsATypedError(ChainRandomnessStore store) {
    assertThat(store.has(StoreTestHashes.hash(9))).isFalse();
    assertThatThrownBy(() -> store.get(StoreTestHashes.hash(9)))
        .isInstanceOf(MissingBlockDataException.class)
        .hasMessageContaining("chain-randomness store has no data for block " + StoreTestHashes.hash(9));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void recordsAreWrittenOnce(ChainRandomnessStore store) {
    store.insert(StoreTestHashes.hash(9), RECORD);
    ChainRandomness other = new ChainRandomness(8, RECORD.accumulated(), RECORD.accumulated(), RECORD.accumulated());

    assertThatThrownBy(() -> store.insert(StoreTestHashes.hash(9), other))
        .isInstanceOf(DuplicateBlockDataException.class);
    assertThat(store.get(StoreTestHashes.hash(9))).isEqualTo(RECORD);
  }

  @Test
  void stagedRecordsAreInvisibleUntilCommitted() {
    MemoryKeyValueStore keyValueStore = new MemoryKeyValueStore();
    KeyValueChainRandomnessStore store = new KeyValueChainRandomnessStore(keyValueStore);
    WriteBatch batch = new WriteBatch();

    store.insertBatch(batch, StoreTestHashes.hash(9), RECORD);
    assertThat(store.has(StoreTestHashes.hash(9))).isFalse();

    keyValueStore.commit(batch);
    assertThat(store.get(StoreTestHashes.hash(9))).isEqualTo(RECORD);
  }

  @Test
  void undecodableDataIsATypedError() {
    MemoryKeyValueStore keyValueStore = new MemoryKeyValueStore();
    keyValueStore.commit(new WriteBatch().put(KeyValueChainRandomnessStore.STORE_NAME,
        StoreTestHashes.hash(9).toArray(), new byte[] {1, 2}));

    assertThatThrownBy(() -> new KeyValueChainRandomnessStore(keyValueStore).get(StoreTestHashes.hash(9)))
        .isInstanceOf(CorruptBlockDataException.class)
        .hasMessageContaining("undecodable data for block " + StoreTestHashes.hash(9));
  }
}
