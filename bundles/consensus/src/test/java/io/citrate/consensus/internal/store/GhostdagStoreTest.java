package io.citrate.consensus.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GhostdagStoreTest {
  private static final Hash GENESIS = StoreTestHashes.hash(1);
  private static final Hash CHILD = StoreTestHashes.hash(2);
  private static final GhostdagData CHILD_DATA =
      new GhostdagData(1, BigInteger.ONE, GENESIS, List.of(GENESIS), List.of(), Map.of(GENESIS, 0));

  static Stream<GhostdagStore> stores() {
    return Stream.of(new MemoryGhostdagStore(), new KeyValueGhostdagStore(new MemoryKeyValueStore()));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void storesAndReadsData(GhostdagStore store) {
    store.insert(GENESIS, GhostdagData.genesis());
    store.insert(CHILD, CHILD_DATA);

    assertThat(store.get(CHILD)).isEqualTo(CHILD_DATA);
    assertThat(store.has(GENESIS)).isTrue();
    assertThat(store.blueScore(CHILD)).isEqualTo(1);
    assertThat(store.blueWork(CHILD)).isEqualTo(BigInteger.ONE);
    assertThat(store.selectedParent(CHILD)).isEqualTo(GENESIS);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void missingDataIsATypedError(GhostdagStore store) {
    assertThat(store.has(CHILD)).isFalse();
    assertThatThrownBy(() -> store.get(CHILD))
        .isInstanceOf(MissingBlockDataException.class)
        .hasMessageContaining("ghostdag store has no data for block " + CHILD);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void dataIsWrittenOnce(GhostdagStore store) {
    store.insert(CHILD, CHILD_DATA);

    assertThatThrownBy(() -> store.insert(CHILD, GhostdagData.genesis()))
        .isInstanceOf(DuplicateBlockDataException.class);
    assertThat(store.get(CHILD)).isEqualTo(CHILD_DATA);
  }

  @Test
  void stagedDataIsInvisibleUntilCommitted() {
    MemoryKeyValueStore keyValueStore = new MemoryKeyValueStore();
    KeyValueGhostdagStore store = new KeyValueGhostdagStore(keyValueStore);
    WriteBatch batch = new WriteBatch();

    store.insertBatch(batch, CHILD, CHILD_DATA);
    assertThat(store.has(CHILD)).isFalse();

    keyValueStore.commit(batch);
    assertThat(store.get(CHILD)).isEqualTo(CHILD_DATA);
  }

  @Test
  void undecodableDataIsATypedError() {
    MemoryKeyValueStore keyValueStore = new MemoryKeyValueStore();
    keyValueStore.commit(new WriteBatch().put(KeyValueGhostdagStore.STORE_NAME, CHILD.toArray(), new byte[] {1, 2}));

    assertThatThrownBy(() -> new KeyValueGhostdagStore(keyValueStore).get(CHILD))
        .isInstanceOf(CorruptBlockDataException.class)
        .hasMessageContaining("undecodable data for block " + CHILD);
  }
}
