package io.citrate.txpool.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.RejectionReason;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pool metrics in a {@link MetricRegistry}, named without a prefix (the registry is published with
 * {@code citrate.metrics.prefix=citrate.txpool}). Rejections are also counted per reason, as
 * {@code rejected.<reason>} in kebab case ({@code rejected.nonce-too-low}).
 */
final class PoolMetrics {
  static final String ADDED = "added";
  static final String REPLACED = "replaced";
  static final String REJECTED = "rejected";
  static final String EVICTED = "evicted";
  static final String REINJECTED = "reinjected";
  static final String DROPPED = "dropped";
  static final String PENDING = "pending";
  static final String QUEUED = "queued";
  static final String BYTES = "bytes";

  private final Counter added;
  private final Counter replaced;
  private final Counter rejected;
  private final Map<RejectionReason, Counter> rejectedByReason = new EnumMap<>(RejectionReason.class);
  private final Counter evicted;
  private final Counter reinjected;
  private final Counter dropped;

  PoolMetrics(MetricRegistry registry, Supplier<PoolStatus> status) {
    this.added = registry.counter(ADDED);
    this.replaced = registry.counter(REPLACED);
    this.rejected = registry.counter(REJECTED);
    for (RejectionReason reason : RejectionReason.values()) {
      rejectedByReason.put(reason, registry.counter(REJECTED + "." + reasonName(reason)));
    }
    this.evicted = registry.counter(EVICTED);
    this.reinjected = registry.counter(REINJECTED);
    this.dropped = registry.counter(DROPPED);
    registry.gauge(PENDING, () -> (Gauge<Integer>) () -> status.get().pending());
    registry.gauge(QUEUED, () -> (Gauge<Integer>) () -> status.get().queued());
    registry.gauge(BYTES, () -> (Gauge<Long>) () -> status.get().bytes());
  }

  void added() {
    added.inc();
  }

  void replaced() {
    replaced.inc();
  }

  void rejected(RejectionReason reason) {
    rejected.inc();
    rejectedByReason.get(reason).inc();
  }

  void evicted(int count) {
    evicted.inc(count);
  }

  void reinjected() {
    reinjected.inc();
  }

  /** Transactions that left because their nonce is now used on the chain, accepted ones included. */
  void dropped(int count) {
    dropped.inc(count);
  }

  /** {@code NONCE_TOO_LOW} becomes {@code nonce-too-low}. */
  static String reasonName(RejectionReason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
