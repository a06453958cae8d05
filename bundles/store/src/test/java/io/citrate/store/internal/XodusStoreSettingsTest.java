package io.citrate.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XodusStoreSettingsTest {

  @Test
  void defaultsPutTheStoreUnderKarafData() {
    XodusStoreSettings settings = XodusStoreSettings.from(Configurations.store(Map.of()), "/opt/citrate/data");

    assertThat(settings.directory()).isEqualTo(Path.of("/opt/citrate/data", "citrate", "store"));
    assertThat(settings.cacheSize()).isEqualTo(CacheSize.ofHeapPercent(25));
    assertThat(settings.durableWrites()).isTrue();
    assertThat(settings.gcEnabled()).isTrue();
    assertThat(settings.gcMinUtilization()).isEqualTo(50);
  }

  @Test
  void withoutKarafDataTheStoreGoesUnderTheWorkingDirectory() {
    assertThat(XodusStoreSettings.from(Configurations.store(Map.of()), null).directory())
        .isEqualTo(Path.of("data", "citrate", "store"));
  }

  @Test
  void aConfiguredDirectoryWins() {
    XodusStoreSettings settings = XodusStoreSettings.from(
        Configurations.store(Map.of("data_directory", " /srv/store ", "durable_writes", false, "gc_enabled", false)),
        "/opt/citrate/data");

    assertThat(settings.directory()).isEqualTo(Path.of("/srv/store"));
    assertThat(settings.durableWrites()).isFalse();
    assertThat(settings.gcEnabled()).isFalse();
  }

  @Test
  void cacheSizesParseAsPercentOrBytes() {
    assertThat(CacheSize.parse("40%")).isEqualTo(CacheSize.ofHeapPercent(40));
    assertThat(CacheSize.parse("512mb")).isEqualTo(CacheSize.ofBytes(512L * 1024 * 1024));
    assertThat(CacheSize.parse(" 2 GB ")).isEqualTo(CacheSize.ofBytes(2L * 1024 * 1024 * 1024));
    assertThat(CacheSize.parse("40%")).hasToString("40% of heap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "25", "-5%", "1.5GB", "10TB"})
  void unreadableCacheSizesAreRejected(String text) {
    assertThatThrownBy(() -> CacheSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is neither a heap percentage");
  }

  @Test
  void cacheSizesOutOfBoundsAreRejected() {
    assertThatThrownBy(() -> CacheSize.parse("0%")).hasMessageContaining("1% to 90% of the heap, got 0%");
    assertThatThrownBy(() -> CacheSize.parse("95%")).hasMessageContaining("got 95%");
    assertThatThrownBy(() -> CacheSize.parse("0MB")).hasMessageContaining("at least 1MB");
  }
}
