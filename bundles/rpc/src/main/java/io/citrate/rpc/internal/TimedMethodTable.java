package io.citrate.rpc.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * Decorates a method table so that every call is timed: per method, a timer {@code method.<name>} (its count is
 * the number of calls, its snapshot the latency) and a counter {@code method.<name>.errors} of calls that ended in
 * an error object. Only methods the table serves get metrics, so a client cannot grow the registry by sending
 * made-up method names.
 */
public final class TimedMethodTable implements MethodTable {
  private final MethodTable delegate;
  private final MetricRegistry registry;

  public TimedMethodTable(MethodTable delegate, MetricRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public JsonRpcMethod get(String name) {
    JsonRpcMethod method = delegate.get(name);
    return method == null ? null : new TimedMethod(method, registry.timer("method." + name),
        registry.counter("method." + name + ".errors"));
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
