package io.citrate.rpc.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * A JSON-RPC request as a method sees it: its name and its positional parameters.
 *
 * @param method the method name
 * @param params the parameters, an array (possibly empty)
 */
public record JsonRpcRequest(String method, JsonNode params) {
  public JsonRpcRequest {
    Objects.requireNonNull(method, "method");
    params = params == null ? JsonNodeFactory.instance.arrayNode() : params;
  }

  public int parameterCount() {
    return params.size();
  }

  /** Parameter {@code index}, which must be there. */
  public JsonNode required(int index) throws JsonRpcException {
    JsonNode value = params.get(index);
    if (value == null || value.isNull()) {
      throw JsonRpcException.invalidParams("missing value for required argument " + index);
    }
    return value;
  }

  /** Parameter {@code index}, or null when it is absent or null. */
  public JsonNode optional(int index) {
    JsonNode value = params.get(index);
    return value == null || value.isNull() ? null : value;
  }

  /** Fails unless there are at most {@code count} parameters. */
  public void requireAtMost(int count) throws JsonRpcException {
    if (params.size() > count) {
      throw JsonRpcException.invalidParams("too many arguments, want at most " + count);
    }
  }
}
