package io.citrate.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryKeyValueStoreTest extends KeyValueStoreContractTest {

  @Override
  protected KeyValueStore open() {
    return new MemoryKeyValueStore();
  }

  @Override
  protected void close(KeyValueStore store) {
    ((MemoryKeyValueStore) store).close();
  }

  @Test
  void statisticsSayWhereTheDataLivesAndThatLatencyIsNotMeasured() {
    store.commit(new WriteBatch().put(HEADERS, bytes(1, 2), bytes(3, 4, 5)));

    StorageStatistics statistics = store.statistics();

    assertThat(statistics.location()).isEqualTo("memory");
    assertThat(statistics.sizeInBytes()).isEqualTo(5);
    assertThat(statistics.commitLatency()).isEmpty();
    assertThat(statistics.readLatency()).isEmpty();
  }

  @Test
  void compactionHasNothingToReclaim() {
    store.commit(new WriteBatch().put(HEADERS, bytes(1), bytes(2)));

    CompactionResult result = store.compact();

    assertThat(result.sizeBeforeBytes()).isEqualTo(2);
    assertThat(result.reclaimedBytes()).isZero();
  }
}
