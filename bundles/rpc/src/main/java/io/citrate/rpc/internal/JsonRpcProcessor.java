package io.citrate.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers JSON-RPC 2.0 request bodies: one request or a batch of at most {@code maxBatchSize}, each routed to its
 * method by name. Every failure becomes an error object with its EIP-1474 code; nothing a method throws reaches
 * the client beyond a message, and a failure inside the node is logged here and reported as an internal error.
 * A request without an id is a notification and gets no answer.
 */
public final class JsonRpcProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcProcessor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MethodTable methods;
  private final int maxBatchSize;

  public JsonRpcProcessor(MethodTable methods, int maxBatchSize) {
    this.methods = methods;
    this.maxBatchSize = maxBatchSize;
  }

  /** The response body for {@code body}; empty when every request in it was a notification. */
  public Optional<String> process(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.PARSE_ERROR, JsonRpcError.PARSE_ERROR.message())));
    }
    if (root == null || root.isMissingNode()) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.PARSE_ERROR, "empty body")));
    }
    if (!root.isArray()) {
      return Optional.ofNullable(answer(root)).map(this::write);
    }
    if (root.isEmpty()) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST, "empty batch")));
    }
    if (root.size() > maxBatchSize) {
      return Optional.of(write(error(NODES.nullNode(), JsonRpcError.LIMIT_EXCEEDED,
          "batch of " + root.size() + " requests exceeds the limit of " + maxBatchSize)));
    }
    ArrayNode answers = NODES.arrayNode();
    for (JsonNode request : root) {
      ObjectNode answer = answer(request);
      if (answer != null) {
        answers.add(answer);
      }
    }
    return answers.isEmpty() ? Optional.empty() : Optional.of(write(answers));
  }

  /** The response object for one request, or null for a notification. */
  private ObjectNode answer(JsonNode request) {
    if (!request.isObject()) {
      return error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST, "a request must be a JSON object");
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(NODES.nullNode(), JsonRpcError.INVALID_REQUEST, "id must be a string, a number or null");
    }
    JsonNode replyId = id == null ? NODES.nullNode() : id;
    JsonNode version = request.get("jsonrpc");
    if (version == null || !"2.0".equals(version.asText()) || !version.isTextual()) {
      return error(replyId, JsonRpcError.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
    }
    JsonNode name = request.get("method");
    if (name == null || !name.isTextual()) {
      return error(replyId, JsonRpcError.INVALID_REQUEST, "method must be a string");
    }
    JsonNode params = request.get("params");
    if (params != null && !params.isArray() && !params.isNull()) {
      return notification ? null : error(replyId, JsonRpcError.INVALID_PARAMS, "params must be an array");
    }
    JsonRpcMethod method = methods.get(name.asText());
    if (method == null) {
      return notification ? null : error(replyId, JsonRpcError.METHOD_NOT_FOUND,
          "the method " + name.asText() + " does not exist/is not available");
    }
    ObjectNode response;
    try {
      Object result = method.response(new JsonRpcRequest(name.asText(), params));
      response = envelope(replyId);
      response.set("result", result instanceof JsonNode tree ? tree : JSON.valueToTree(result));
    } catch (JsonRpcException e) {
      response = error(replyId, e.error(), e.getMessage());
      if (e.data().isPresent()) {
        ((ObjectNode) response.get("error")).set("data", JSON.valueToTree(e.data().get()));
      }
    } catch (RuntimeException e) {
      LOG.warn("JSON-RPC method {} failed", name.asText(), e);
      response = error(replyId, JsonRpcError.INTERNAL_ERROR, JsonRpcError.INTERNAL_ERROR.message());
    }
    return notification ? null : response;
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  private static ObjectNode error(JsonNode id, JsonRpcError error, String message) {
    ObjectNode response = envelope(id);
    ObjectNode body = response.putObject("error");
    body.put("code", error.code());
    body.put("message", message);
    return response;
  }

  private String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
