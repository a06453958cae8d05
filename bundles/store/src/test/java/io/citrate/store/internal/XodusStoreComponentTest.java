package io.citrate.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.store.api.StoreClosedException;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class XodusStoreComponentTest {
  private static final StoreName HEADERS = StoreName.of("headers");

  @TempDir
  Path directory;

  private final BundleContext context = mock(BundleContext.class);
  @SuppressWarnings("unchecked")
  private final ServiceRegistration<MetricSet> registration = mock(ServiceRegistration.class);

  @BeforeEach
  void acceptServiceRegistrations() {
    when(context.registerService(eq(MetricSet.class), any(MetricSet.class), any())).thenReturn(registration);
  }

  private StoreConfiguration configuration(String cacheSize) {
    return Configurations.store(Map.of(
        "data_directory", directory.resolve("store").toString(),
        "cache_size", cacheSize,
        "durable_writes", false));
  }

  @Test
  @SuppressWarnings("unchecked")
  void activationOpensTheStoreAndPublishesItsMetrics() {
    XodusStoreComponent component = new XodusStoreComponent(context, configuration("64MB"));
    try {
      component.commit(new WriteBatch().put(HEADERS, new byte[] {1}, new byte[] {2}));

      assertThat(component.get(HEADERS, new byte[] {1})).hasValueSatisfying(value -> assertThat(value).containsExactly(2));
      assertThat(component.statistics().location()).isEqualTo(directory.resolve("store").toString());
      assertThat(Files.isDirectory(directory.resolve("store"))).isTrue();
      ArgumentCaptor<MetricSet> metrics = ArgumentCaptor.forClass(MetricSet.class);
      ArgumentCaptor<Dictionary<String, ?>> properties = ArgumentCaptor.forClass(Dictionary.class);
      verify(context).registerService(eq(MetricSet.class), metrics.capture(), properties.capture());
      assertThat(properties.getValue().get("citrate.metrics.prefix")).isEqualTo("citrate.store");
      assertThat(metrics.getValue()).isInstanceOf(MetricRegistry.class);
      assertThat(metrics.getValue().getMetrics()).containsKeys(StoreMetrics.COMMITS, StoreMetrics.SIZE_BYTES);
    } finally {
      component.deactivate();
    }
    verify(registration).unregister();
    assertThatThrownBy(() -> component.count(HEADERS)).isInstanceOf(StoreClosedException.class);
  }

  @Test
  void aNewActivationOnTheSameDirectorySeesTheData() {
    XodusStoreComponent first = new XodusStoreComponent(context, configuration("25%"));
    first.commit(new WriteBatch().put(HEADERS, new byte[] {7}, new byte[] {8}));
    first.deactivate();

    XodusStoreComponent second = new XodusStoreComponent(context, configuration("25%"));
    try {
      assertThat(second.contains(HEADERS, new byte[] {7})).isTrue();
    } finally {
      second.deactivate();
    }
  }

  @Test
  void aBadCacheSizeFailsActivationWithoutOpeningAnything() {
    assertThatThrownBy(() -> new XodusStoreComponent(context, configuration("lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache size 'lots'");
    assertThat(directory.resolve("store")).doesNotExist();
    verify(context, never()).registerService(eq(MetricSet.class), any(MetricSet.class), any());
  }

  @Test
  void aBadMinimumUtilizationFailsActivation() {
    StoreConfiguration configuration = Configurations.store(Map.of(
        "data_directory", directory.toString(), "gc_min_utilization", 95));

    assertThatThrownBy(() -> new XodusStoreComponent(context, configuration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gc.min.utilization must be 1 to 90, got 95");
  }

  @Test
  void aFailedMetricsRegistrationClosesTheStore() {
    when(context.registerService(eq(MetricSet.class), any(MetricSet.class), any()))
        .thenThrow(new IllegalStateException("bundle stopping"));

    assertThatThrownBy(() -> new XodusStoreComponent(context, configuration("64MB")))
        .isInstanceOf(IllegalStateException.class);
    // The environment's lock is released, so the directory opens again at once.
    new XodusKeyValueStore(XodusKeyValueStoreTest.testSettings(directory.resolve("store")), new MetricRegistry()).close();
  }
}
