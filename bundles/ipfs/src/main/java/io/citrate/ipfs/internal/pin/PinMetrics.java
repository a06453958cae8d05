package io.citrate.ipfs.internal.pin;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.PinState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pin queue's metrics: {@code pins.state.<state>} gauges of pins by overall state, {@code pins.retries} (attempts
 * scheduled again after a retryable failure) and {@code pins.backend.<name>.failures} (failed attempts per backend).
 */
final class PinMetrics {
  static final String PREFIX = "pins.";

  private final MetricRegistry registry;
  private final Map<PinState, AtomicLong> pinsByState = new EnumMap<>(PinState.class);
  private final Counter retries;
  private final Map<String, Counter> failures = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  PinMetrics(MetricRegistry registry, Collection<String> backendNames) {
    this.registry = registry;
    for (PinState state : PinState.values()) {
      AtomicLong count = new AtomicLong();
      pinsByState.put(state, count);
      registry.register(name("state." + state.apiName()), (Gauge<Long>) count::get);
    }
    retries = registry.counter(name("retries"));
    for (String backend : backendNames) {
      failures.put(backend, registry.counter(name("backend." + backend + ".failures")));
    }
  }

  /** A pin moved from {@code before} to {@code after}; null stands for no pin (created or removed). */
  void transition(PinState before, PinState after) {
    if (before != after) {
      if (before != null) {
        pinsByState.get(before).decrementAndGet();
      }
      if (after != null) {
        pinsByState.get(after).incrementAndGet();
      }
    }
  }

  void retry() {
    retries.inc();
  }

  void failedAttempt(String backend) {
    failures.get(backend).inc();
  }

  /** Removes this manager's metrics from the registry. */
  void remove() {
    names.forEach(registry::remove);
  }

  private String name(String suffix) {
    String name = PREFIX + suffix;
    names.add(name);
    return name;
  }
}
