package io.citrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Hostile and careless JSON-RPC input over raw HTTP: each kind gets its EIP-1474 error (or HTTP 413 for a body
 * over the limit), never a stack trace, and the node keeps answering afterwards. The limits are read from the
 * running copy's {@code etc/io.citrate.rpc.cfg}.
 */
public class RpcBadInputAcceptance {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String FUNDED = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  private static int maxBatchRequests;
  private static int maxBodyBytes;

  @BeforeClass
  public static void readLimits() throws IOException {
    Properties rpc = new Properties();
    Path configuration = DappAcceptanceIT.DISTRIBUTION.home().resolve("etc/io.citrate.rpc.cfg");
    try (InputStream in = Files.newInputStream(configuration)) {
      rpc.load(in);
    }
    maxBatchRequests = Integer.parseInt(rpc.getProperty("batch.max.requests").trim());
    maxBodyBytes = Integer.parseInt(rpc.getProperty("body.max.bytes").trim());
  }

  @After
  public void nodeStillAnswers() throws Exception {
    JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}");
    assertEquals("0x539", answer.path("result").asText());
  }

  @Test
  public void malformedJsonIsAParseError() throws Exception {
    for (String body : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", "not json", "[{\"id\":1},")) {
      HttpResponse<String> response = post(body);
      JsonNode answer = JSON.readTree(response.body());
      assertEquals(body, -32700, answer.path("error").path("code").asInt());
      assertTrue(body, answer.get("id").isNull());
      assertNoStackTrace(response.body());
    }
  }

  @Test
  public void unknownMethodIsMethodNotFound() throws Exception {
    JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"eth_noSuchMethod\",\"params\":[]}");
    assertEquals(-32601, answer.path("error").path("code").asInt());
    assertEquals("abc", answer.path("id").asText());
  }

  @Test
  public void wrongParameterTypesAreInvalidParams() throws Exception {
    List<String> calls = List.of(
        "\"eth_sendRawTransaction\",\"params\":[42]",
        "\"eth_sendRawTransaction\",\"params\":[\"0xzz\"]",
        "\"eth_sendRawTransaction\",\"params\":[]",
        "\"web3_sha3\",\"params\":[\"not hex\"]",
        "\"eth_getBalance\",\"params\":[\"0x1234\",\"latest\"]",
        "\"eth_getBalance\",\"params\":[\"" + FUNDED + "\",\"next week\"]",
        "\"eth_getTransactionCount\",\"params\":[true,\"latest\"]",
        "\"eth_getBlockByNumber\",\"params\":[\"0x0\"]",
        "\"eth_getBlockByHash\",\"params\":[\"0x1234\",false]",
        "\"eth_call\",\"params\":[{\"to\":5},\"latest\"]",
        "\"eth_getLogs\",\"params\":[{\"fromBlock\":\"yesterday\"}]");
    for (String call : calls) {
      JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":" + call + "}");
      assertEquals(call + " -> " + answer, -32602, answer.path("error").path("code").asInt());
      assertNoStackTrace(answer.toString());
    }
  }

  @Test
  public void batchOverTheLimitIsRefused() throws Exception {
    JsonNode answered = JSON.readTree(post(batchOf(maxBatchRequests)).body());
    assertEquals(maxBatchRequests, answered.size());
    assertEquals("0x539", answered.get(maxBatchRequests - 1).path("result").asText());

    JsonNode refused = JSON.readTree(post(batchOf(maxBatchRequests + 1)).body());
    assertEquals(refused.path("error").toString(), -32005, refused.path("error").path("code").asInt());
  }

  @Test
  public void bodyOverTheLimitIsRefusedWith413() throws Exception {
    String padding = "0".repeat(maxBodyBytes);
    HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"web3_sha3\",\"params\":[\"0x"
        + padding + "\"]}");
    assertEquals(413, response.statusCode());
    assertEquals(-32005, JSON.readTree(response.body()).path("error").path("code").asInt());
  }

  private static String batchOf(int requests) {
    StringBuilder batch = new StringBuilder("[");
    for (int id = 0; id < requests; id++) {
      batch.append(id == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(id)
          .append(",\"method\":\"eth_chainId\",\"params\":[]}");
    }
    return batch.append(']').toString();
  }

  private static JsonNode call(String request) throws Exception {
    HttpResponse<String> response = post(request);
    assertEquals(response.body(), 200, response.statusCode());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(DappAcceptanceIT.DISTRIBUTION.httpUrl())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertNoStackTrace(String answer) {
    assertTrue(answer, !answer.contains("Exception") && !answer.contains("\tat "));
  }
}
