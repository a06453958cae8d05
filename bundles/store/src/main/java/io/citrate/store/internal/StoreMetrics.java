package io.citrate.store.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.citrate.store.api.LatencySummary;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The store's metrics in a {@link MetricRegistry}, named without a prefix (the registry is published
 * with {@code citrate.metrics.prefix=citrate.store}).
 */
final class StoreMetrics {
  static final String COMMITS = "commits";
  static final String FAILED_COMMITS = "commits.failed";
  static final String READS = "reads";
  static final String SIZE_BYTES = "size.bytes";
  static final String STORES = "stores";

  private final MetricRegistry registry;
  private final Timer commits;
  private final Counter failedCommits;
  private final Timer reads;

  StoreMetrics(MetricRegistry registry, LongSupplier sizeInBytes, LongSupplier storeCount) {
    this.registry = registry;
    this.commits = registry.timer(COMMITS);
    this.failedCommits = registry.counter(FAILED_COMMITS);
    this.reads = registry.timer(READS);
    registry.gauge(SIZE_BYTES, () -> (Gauge<Long>) sizeInBytes::getAsLong);
    registry.gauge(STORES, () -> (Gauge<Long>) storeCount::getAsLong);
  }

  Timer.Context startCommit() {
    return commits.time();
  }

  void commitFailed() {
    failedCommits.inc();
  }

  Timer.Context startRead() {
    return reads.time();
  }

  long commitCount() {
    return commits.getCount();
  }

  long failedCommitCount() {
    return failedCommits.getCount();
  }

  long readCount() {
    return reads.getCount();
  }

  LatencySummary commitLatency() {
    return summary(commits);
  }

  LatencySummary readLatency() {
    return summary(reads);
  }

  /** Removes the gauges, which read the environment and would fail once it is closed. */
  void close() {
    registry.remove(SIZE_BYTES);
    registry.remove(STORES);
  }

  private static LatencySummary summary(Timer timer) {
    Snapshot snapshot = timer.getSnapshot();
    return new LatencySummary(
        millis(snapshot.getMean()),
        millis(snapshot.getMedian()),
        millis(snapshot.get99thPercentile()),
        millis(snapshot.getMax()));
  }

  private static double millis(double nanos) {
    return nanos / TimeUnit.MILLISECONDS.toNanos(1);
  }
}
