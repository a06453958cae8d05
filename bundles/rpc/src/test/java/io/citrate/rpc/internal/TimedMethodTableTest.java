package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimedMethodTableTest {
  private final MetricRegistry metrics = new MetricRegistry();
  private final JsonRpcProcessor processor = new JsonRpcProcessor(new TimedMethodTable(JsonRpcMethods.of(List.of(
      method("test_ok", () -> "fine"),
      method("test_invalid", () -> {
        throw JsonRpcException.invalidParams("bad");
      }),
      method("test_broken", () -> {
        throw new IllegalStateException("bug");
      }))), metrics), 10);

  private interface Body {
    Object run() throws JsonRpcException;
  }

  private static JsonRpcMethod method(String name, Body body) {
    return new JsonRpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object response(JsonRpcRequest request) throws JsonRpcException {
        return body.run();
      }
    };
  }

  private void call(String method) {
    processor.process(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsCallsErrorsAndLatencyPerMethod() {
    call("test_ok");
    call("test_ok");
    call("test_invalid");
    call("test_broken");
    assertThat(metrics.timer("method.test_ok").getCount()).isEqualTo(2);
    assertThat(metrics.counter("method.test_ok.errors").getCount()).isZero();
    assertThat(metrics.timer("method.test_invalid").getCount()).isEqualTo(1);
    assertThat(metrics.counter("method.test_invalid.errors").getCount()).isEqualTo(1);
    assertThat(metrics.counter("method.test_broken.errors").getCount()).isEqualTo(1);
  }

  @Test
  void unknownMethodsCreateNoMetrics() {
    call("made_up_by_a_client");
    assertThat(metrics.getNames()).isEmpty();
  }
}
