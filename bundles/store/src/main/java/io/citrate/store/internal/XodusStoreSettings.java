package io.citrate.store.internal;

import java.nio.file.Path;

/**
 * Everything {@link XodusKeyValueStore} needs to open its environment.
 *
 * @param directory where the log files live
 * @param cacheSize log cache size
 * @param durableWrites fsync on every commit
 * @param gcEnabled background garbage collection
 * @param gcMinUtilization percent of live data below which the collector rewrites the log
 * @param gcFilesDeletionDelayMillis how long cleaned files linger before deletion
 */
record XodusStoreSettings(
    Path directory,
    CacheSize cacheSize,
    boolean durableWrites,
    boolean gcEnabled,
    int gcMinUtilization,
    int gcFilesDeletionDelayMillis) {

  static final String KARAF_DATA_PROPERTY = "karaf.data";
  /** Xodus's own default: enough for readers of cleaned files to move on. */
  static final int DEFAULT_FILES_DELETION_DELAY_MILLIS = 5000;

  XodusStoreSettings {
    if (directory == null) {
      throw new IllegalArgumentException("data directory is missing");
    }
    if (cacheSize == null) {
      throw new IllegalArgumentException("cache size is missing");
    }
    if (gcMinUtilization < 1 || gcMinUtilization > 90) {
      throw new IllegalArgumentException("gc.min.utilization must be 1 to 90, got " + gcMinUtilization);
    }
    if (gcFilesDeletionDelayMillis < 0) {
      throw new IllegalArgumentException("files deletion delay is negative: " + gcFilesDeletionDelayMillis);
    }
  }

  /** Production settings for {@code directory}: default cache, durable writes, background GC. */
  static XodusStoreSettings defaults(Path directory) {
    return new XodusStoreSettings(directory, CacheSize.ofHeapPercent(25), true, true, 50,
        DEFAULT_FILES_DELETION_DELAY_MILLIS);
  }

  /**
   * Settings from the configuration; an empty data directory resolves under {@code karafData}
   * (the {@code karaf.data} system property), or under {@code ./data} when that is absent.
   */
  static XodusStoreSettings from(StoreConfiguration configuration, String karafData) {
    return new XodusStoreSettings(
        dataDirectory(configuration.data_directory(), karafData),
        CacheSize.parse(configuration.cache_size()),
        configuration.durable_writes(),
        configuration.gc_enabled(),
        configuration.gc_min_utilization(),
        DEFAULT_FILES_DELETION_DELAY_MILLIS);
  }

  private static Path dataDirectory(String configured, String karafData) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    Path root = karafData == null || karafData.isBlank() ? Path.of("data") : Path.of(karafData);
    return root.resolve("citrate").resolve("store");
  }
}
