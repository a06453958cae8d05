package io.citrate.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.KeyValueStoreContractTest;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreFailureException;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusKeyValueStoreTest extends KeyValueStoreContractTest {
  @TempDir
  Path directory;

  private MetricRegistry metrics;

  /** Fast settings for tests: no fsync, cleaned files deleted at once. */
  static XodusStoreSettings testSettings(Path directory) {
    return new XodusStoreSettings(directory, CacheSize.ofBytes(16L * 1024 * 1024), false, true, 50, 0);
  }

  @Override
  protected KeyValueStore open() {
    metrics = new MetricRegistry();
    return new XodusKeyValueStore(testSettings(directory), metrics);
  }

  @Override
  protected void close(KeyValueStore store) {
    ((XodusKeyValueStore) store).close();
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    store.commit(new WriteBatch().put(HEADERS, utf8("h"), utf8("header")).put(BODIES, utf8("b"), utf8("body")));
    close(store);

    store = new XodusKeyValueStore(testSettings(directory), new MetricRegistry());

    assertThat(store.get(HEADERS, utf8("h"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("header")));
    assertThat(store.get(BODIES, utf8("b"))).hasValueSatisfying(value -> assertThat(value).isEqualTo(utf8("body")));
    assertThat(store.storeNames()).containsExactly(BODIES, HEADERS);
  }

  @Test
  void compactionReclaimsOverwrittenData() {
    StoreName blobs = StoreName.of("blobs");
    byte[] value = new byte[64 * 1024];
    for (int round = 0; round < 8; round++) {
      WriteBatch batch = new WriteBatch();
      for (int key = 0; key < 64; key++) {
        value[0] = (byte) round;
        batch.put(blobs, bytes(key), value);
      }
      store.commit(batch);
    }

    CompactionResult result = store.compact();

    assertThat(result.sizeAfterBytes()).isLessThan(result.sizeBeforeBytes());
    assertThat(result.sizeAfterBytes()).isEqualTo(store.statistics().sizeInBytes());
    assertThat(store.count(blobs)).isEqualTo(64);
    store.scan(blobs, KeyRange.all(), (key, stored) -> {
      assertThat(stored[0]).isEqualTo((byte) 7);
      return true;
    });
  }

  @Test
  void metricsTrackSizeStoresCommitsAndLatency() {
    store.commit(new WriteBatch().put(HEADERS, utf8("a"), utf8("1")).put(BODIES, utf8("b"), utf8("2")));
    store.get(HEADERS, utf8("a"));

    assertThat(metrics.timer(StoreMetrics.COMMITS).getCount()).isEqualTo(1);
    assertThat(metrics.timer(StoreMetrics.READS).getCount()).isEqualTo(1);
    assertThat(metrics.getGauges().get(StoreMetrics.STORES).getValue()).isEqualTo(2L);
    assertThat((Long) metrics.getGauges().get(StoreMetrics.SIZE_BYTES).getValue()).isPositive();
    StorageStatistics statistics = store.statistics();
    assertThat(statistics.location()).isEqualTo(directory.toAbsolutePath().normalize().toString());
    assertThat(statistics.commitLatency()).hasValueSatisfying(latency -> assertThat(latency.maxMillis()).isPositive());
    assertThat(statistics.readLatency()).isPresent();

    close(store);
    assertThat(metrics.getGauges()).doesNotContainKeys(StoreMetrics.STORES, StoreMetrics.SIZE_BYTES);
  }

  @Test
  void aDirectoryThatCannotHoldAStoreIsATypedFailure() throws Exception {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> new XodusKeyValueStore(testSettings(file), new MetricRegistry()))
        .isInstanceOf(StoreFailureException.class)
        .hasMessageContaining("cannot open the store in " + file);
  }

  @Test
  void gaugesAreRegisteredUnderUnprefixedNames() {
    assertThat(metrics.getGauges()).containsKeys(StoreMetrics.SIZE_BYTES, StoreMetrics.STORES);
    Gauge<?> stores = metrics.getGauges().get(StoreMetrics.STORES);
    assertThat(stores.getValue()).isEqualTo(0L);
  }
}
