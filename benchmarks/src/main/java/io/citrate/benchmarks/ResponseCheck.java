package io.citrate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a JSON-RPC response body is the right answer to one measured request. The first body found right is
 * parsed and checked in full; it then becomes the reference, and a later body equal to it byte for byte is right
 * without parsing, which keeps the client's cost per request low (a node answers the same request the same way).
 * Any other body is parsed and checked in full again.
 */
final class ResponseCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long id;
  private final Function<JsonNode, Optional<String>> resultProblem;
  private volatile byte[] reference;

  /**
   * @param id the request's id, which the response must echo
   * @param resultProblem what is wrong with a {@code result}, or empty when it is the expected one
   */
  ResponseCheck(long id, Function<JsonNode, Optional<String>> resultProblem) {
    this.id = id;
    this.resultProblem = resultProblem;
  }

  /** What is wrong with {@code body}, or empty when it carries the expected result. */
  Optional<String> problem(byte[] body) {
    byte[] known = reference;
    if (known != null && Arrays.equals(known, body)) {
      return Optional.empty();
    }
    Optional<String> problem = parseAndCheck(body);
    if (problem.isEmpty() && known == null) {
      reference = body;
    }
    return problem;
  }

  private Optional<String> parseAndCheck(byte[] body) {
    JsonNode response;
    try {
      response = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.of("not JSON: " + HttpConnection.abbreviate(body));
    }
    if (response == null || !response.isObject()) {
      return Optional.of("not a JSON-RPC response object: " + HttpConnection.abbreviate(body));
    }
    if (response.has("error")) {
      JsonNode error = response.get("error");
      return Optional.of("error " + error.path("code").asText() + " " + error.path("message").asText());
    }
    if (!response.path("id").canConvertToLong() || response.path("id").asLong() != id) {
      return Optional.of("id " + response.path("id") + " instead of " + id);
    }
    if (!response.has("result")) {
      return Optional.of("neither result nor error: " + HttpConnection.abbreviate(body));
    }
    return resultProblem.apply(response.get("result"));
  }
}
