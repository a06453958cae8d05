package io.citrate.tensor.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.tensor.api.Cost;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.session.OperationListener;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Engine metrics, named without a prefix (the registry is published with
 * {@code citrate.metrics.prefix=citrate.tensor}): a timer per operation ({@code operation.matmul}), the
 * multiply-accumulates and bytes moved that gas is charged on, sessions opened, and refusals per kind
 * ({@code refused.shape-mismatch}).
 */
final class TensorMetrics implements OperationListener {
  static final String OPERATION_PREFIX = "operation.";
  static final String MULTIPLY_ACCUMULATES = "multiply.accumulates";
  static final String BYTES_MOVED = "bytes.moved";
  static final String SESSIONS = "sessions.opened";
  static final String REFUSED = "refused";

  private final MetricRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Meter multiplyAccumulates;
  private final Counter bytesMoved;
  private final Counter sessions;
  private final Counter refused;
  private final Map<TensorException.Kind, Counter> refusedByKind = new EnumMap<>(TensorException.Kind.class);

  TensorMetrics(MetricRegistry registry) {
    this.registry = registry;
    this.multiplyAccumulates = registry.meter(MULTIPLY_ACCUMULATES);
    this.bytesMoved = registry.counter(BYTES_MOVED);
    this.sessions = registry.counter(SESSIONS);
    this.refused = registry.counter(REFUSED);
    for (TensorException.Kind kind : TensorException.Kind.values()) {
      refusedByKind.put(kind, registry.counter(REFUSED + "." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
  }

  void sessionOpened() {
    sessions.inc();
  }

  @Override
  public void completed(String operation, Cost cost, long nanos) {
    timers.computeIfAbsent(operation, name -> registry.timer(OPERATION_PREFIX + name))
        .update(nanos, TimeUnit.NANOSECONDS);
    multiplyAccumulates.mark(cost.multiplyAccumulates());
    bytesMoved.inc(cost.bytesMoved());
  }

  @Override
  public void refused(String operation, TensorException.Kind kind) {
    refused.inc();
    refusedByKind.get(kind).inc();
  }
}
