package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.node.internal.Devnet;
import io.citrate.rpc.internal.JsonRpcMethods;
import io.citrate.rpc.internal.JsonRpcProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON-RPC calls to every namespace over a devnet, through the processor as the endpoint makes them. */
final class DevnetCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonRpcProcessor processor;

  DevnetCalls(Devnet devnet) {
    this.processor = new JsonRpcProcessor(JsonRpcMethods.of(Namespaces.methods(devnet).toList()), 10);
  }

  /** The response object to {@code method} with {@code params}, a JSON array written out. */
  JsonNode call(String method, String params) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    try {
      return JSON.readTree(processor.process(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, String params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).as("%s %s answered %s", method, params, response).isFalse();
    return response.get("result");
  }

  /** The error code of a call that must fail. */
  int errorCode(String method, String params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).as("%s %s answered %s", method, params, response).isTrue();
    return response.get("error").get("code").asInt();
  }

  static String quoted(Object value) {
    return "\"" + value + "\"";
  }
}
