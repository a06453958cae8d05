package io.citrate.rpc.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decorates a method table so that every call is timed: per method, a timer {@code method.<name>} (its count is
 * the number of calls, its snapshot the latency) and a counter {@code method.<name>.errors} of calls that ended in
 * an error object. Only methods the table serves get metrics, so a client cannot grow the registry by sending
 * made-up method names.
 */
public final class TimedMethodTable implements MethodTable {
  private final MethodTable delegate;
  private final MetricRegistry registry;
  /** The decorated methods, so a call costs no registry lookup; replaced when the table serves another method. */
  private final Map<String, TimedMethod> timed = new ConcurrentHashMap<>();

  public TimedMethodTable(MethodTable delegate, MetricRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public JsonRpcMethod get(String name) {
    JsonRpcMethod method = delegate.get(name);
    if (method == null) {
      return null;
    }
    TimedMethod known = timed.get(name);
    if (known != null && known.method() == method) {
      return known;
    }
    TimedMethod fresh = new TimedMethod(method, registry.timer("method." + name),
        registry.counter("method." + name + ".errors"));
    timed.put(name, fresh);
    return fresh;
  }

  private record TimedMethod(JsonRpcMethod method, Timer latency, Counter errors)
      implements JsonRpcMethod {

    @Override
    public String name() {
      return method.name();
    }

    @Override
    public Object response(JsonRpcRequest request) throws JsonRpcException {
      boolean failed = true;
      try (Timer.Context ignored = latency.time()) {
        Object result = method.response(request);
        failed = false;
        return result;
      } finally {
        if (failed) {
          errors.inc();
        }
      }
    }
  }
}
