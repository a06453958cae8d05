package io.citrate.store.api;

import java.util.List;
import java.util.Optional;

/**
 * A summary of a {@link KeyValueStore} for operators.
 *
 * @param location where the data lives (a directory, or {@code memory})
 * @param sizeInBytes bytes on disk, or held in memory
 * @param stores every store with its entry count, by name
 * @param commitCount batches committed
 * @param failedCommitCount batches that failed to commit and changed nothing
 * @param commitLatency commit latencies, when the implementation measures them
 * @param readCount point reads ({@code get}, {@code contains})
 * @param readLatency point read latencies, when the implementation measures them
 */
public record StorageStatistics(
    String location,
    long sizeInBytes,
    List<StoreStatistics> stores,
    long commitCount,
    long failedCommitCount,
    Optional<LatencySummary> commitLatency,
    long readCount,
    Optional<LatencySummary> readLatency) {

  public StorageStatistics {
    stores = List.copyOf(stores);
  }
}
