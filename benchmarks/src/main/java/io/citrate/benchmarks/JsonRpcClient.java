package io.citrate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC calls one at a time, for preparing a node and probing it rather than for load. Each call has a
 * connection of its own: between calls a server may close an idle one (ganache does after a few seconds).
 */
final class JsonRpcClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final AtomicLong ids = new AtomicLong();

  JsonRpcClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A request body: {@code params} are Jackson values (strings, numbers, nodes). */
  static byte[] request(long id, String method, Object... params) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    try {
      return JSON.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON-RPC request", e);
    }
  }

  /**
   * Calls {@code method} and returns its result.
   *
   * @throws ErrorResponse if the node answers with a JSON-RPC error
   * @throws IOException if the node cannot be reached or does not answer JSON-RPC
   */
  JsonNode call(String method, Object... params) throws IOException, ErrorResponse {
    byte[] body;
    try (HttpConnection connection = new SocketHttpConnection(endpoint)) {
      body = connection.post(request(ids.incrementAndGet(), method, params));
    }
    JsonNode response = JSON.readTree(body);
    if (response == null || !response.isObject()) {
      throw new IOException(method + ": not a JSON-RPC response: " + HttpConnection.abbreviate(body));
    }
    if (response.has("error")) {
      JsonNode error = response.get("error");
      throw new ErrorResponse(method, error.path("code").asInt(), error.path("message").asText());
    }
    if (!response.has("result")) {
      throw new IOException(method + ": neither result nor error: " + HttpConnection.abbreviate(body));
    }
    return response.get("result");
  }

  /** A JSON-RPC error a node answered with. */
  static final class ErrorResponse extends Exception {
    /** EIP-1474: the method does not exist or is not available. */
    static final int METHOD_NOT_FOUND = -32601;

    private final int code;

    ErrorResponse(String method, int code, String message) {
      super(method + ": error " + code + " " + message);
      this.code = code;
    }

    int code() {
      return code;
    }
  }
}
