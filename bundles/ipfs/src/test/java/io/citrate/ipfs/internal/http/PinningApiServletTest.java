package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinningApiServletTest {
  private static final String TOKEN = "s3cret-token";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemoryPins pins = new MemoryPins();
  private JettyServer server;

  @BeforeEach
  void start() throws Exception {
    server = new JettyServer(new PinningApiServlet(pins, Set.of(TOKEN, "another-token", " ")), "/pins/*");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return body == null ? send(method, path, null, "Authorization", "Bearer " + TOKEN)
        : send(method, path, body, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static Cid cid(int seed) {
    return Cid.of(1, Cid.RAW, ("content " + seed).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void assertFailure(HttpResponse<String> response, int status, String reason) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode error = json(response).get("error");
    assertThat(error.get("reason").asText()).isEqualTo(reason);
    assertThat(error.get("details").asText()).isNotBlank();
  }

  @Test
  void addingAPinAnswersItsStatus() throws Exception {
    Cid cid = cid(1);

    HttpResponse<String> response = call("POST", "/pins",
        "{\"cid\":\"" + cid + "\",\"name\":\"weights.onnx\",\"origins\":[\"/ip4/10.0.0.1/tcp/4001\"],"
            + "\"meta\":{\"app\":\"citrate\"}}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode status = json(response);
    assertThat(status.get("requestid").asText()).isEqualTo("pin-1");
    assertThat(status.get("status").asText()).isEqualTo("queued");
    assertThat(status.get("created").asText()).isEqualTo("2026-01-01T00:00:00.001Z");
    assertThat(status.get("pin").get("cid").asText()).isEqualTo(cid.toString());
    assertThat(status.get("pin").get("name").asText()).isEqualTo("weights.onnx");
    assertThat(status.get("pin").get("origins").isArray()).isTrue();
    assertThat(status.get("pin").get("meta").get("app").asText()).isEqualTo("citrate");
    assertThat(status.get("delegates").isArray()).isTrue();
    assertThat(status.get("info").get("backend.local").asText()).isEqualTo("queued, 0 attempts");
    PinStatus stored = pins.status("pin-1").orElseThrow();
    assertThat(stored.cid()).isEqualTo(cid);
    assertThat(stored.meta()).containsEntry("app", "citrate");
  }

  @Test
  void fieldsThePinSchemaDoesNotNameAreIgnored() throws Exception {
    HttpResponse<String> response = call("POST", "/pins", "{\"cid\":\"" + cid(2) + "\",\"future\":{\"x\":1}}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("pin").has("name")).isFalse();
  }

  @Test
  void aPinIsReadReplacedAndRemovedByItsRequestId() throws Exception {
    String id = json(call("POST", "/pins", "{\"cid\":\"" + cid(3) + "\"}")).get("requestid").asText();
    pins.settle(id, PinState.FAILED, 5, "kubo: connection refused");

    JsonNode read = json(call("GET", "/pins/" + id, null));
    HttpResponse<String> replaced = call("POST", "/pins/" + id, "{\"cid\":\"" + cid(4) + "\",\"name\":\"v2\"}");
    String newId = json(replaced).get("requestid").asText();
    HttpResponse<String> removed = call("DELETE", "/pins/" + newId, null);

    assertThat(read.get("status").asText()).isEqualTo("failed");
    assertThat(read.get("info").get("backend.local").asText())
        .isEqualTo("failed, 5 attempts, last error: kubo: connection refused");
    assertThat(replaced.statusCode()).isEqualTo(202);
    assertThat(json(replaced).get("pin").get("cid").asText()).isEqualTo(cid(4).toString());
    assertThat(pins.status(id)).isEmpty();
    assertThat(removed.statusCode()).isEqualTo(202);
    assertThat(removed.body()).isEmpty();
    assertThat(pins.size()).isZero();
  }

  @Test
  void unknownRequestIdsAreNotFound() throws Exception {
    assertFailure(call("GET", "/pins/nope", null), 404, "NOT_FOUND");
    assertFailure(call("DELETE", "/pins/nope", null), 404, "NOT_FOUND");
    assertFailure(call("POST", "/pins/nope", "{\"cid\":\"" + cid(5) + "\"}"), 404, "NOT_FOUND");
    assertFailure(call("GET", "/pins/a/b", null), 404, "NOT_FOUND");
    assertThat(pins.size()).isZero();
  }

  @Test
  void listingShowsPinnedPinsNewestFirstByDefault() throws Exception {
    for (int seed = 0; seed < 15; seed++) {
      pins.pin(PinRequest.of(cid(seed)));
    }
    for (int number = 1; number <= 12; number++) {
      pins.settle("pin-" + number, PinState.PINNED, 1, null);
    }

    JsonNode page = json(call("GET", "/pins", null));
    JsonNode everything = json(call("GET", "/pins?status=queued,pinning,pinned,failed&limit=1000", null));

    assertThat(page.get("count").asInt()).isEqualTo(12);
    assertThat(page.get("results")).hasSize(10);
    assertThat(page.get("results").get(0).get("requestid").asText()).isEqualTo("pin-12");
    assertThat(page.get("results").get(9).get("requestid").asText()).isEqualTo("pin-3");
    assertThat(everything.get("count").asInt()).isEqualTo(15);
    assertThat(everything.get("results")).hasSize(15);
  }

  @Test
  void listingFiltersByCidNameStatusTimeAndMeta() throws Exception {
    pins.pin(new PinRequest(cid(1), "a", java.util.Map.of("app", "x", "v", "1"), 0));
    pins.pin(new PinRequest(cid(2), "b", java.util.Map.of("app", "x"), 0));
    pins.pin(new PinRequest(cid(3), "a", java.util.Map.of("app", "y"), 0));
    pins.settle("pin-2", PinState.PINNING, 1, null);
    String all = "status=queued,pinning,pinned,failed";

    assertThat(ids(call("GET", "/pins?" + all + "&cid=" + cid(1) + "," + cid(3), null))).containsExactly("pin-3", "pin-1");
    assertThat(ids(call("GET", "/pins?" + all + "&cid=" + cid(1) + "&cid=" + cid(2), null))).containsExactly("pin-2", "pin-1");
    assertThat(ids(call("GET", "/pins?" + all + "&name=a&match=exact", null))).containsExactly("pin-3", "pin-1");
    assertThat(ids(call("GET", "/pins?status=pinning", null))).containsExactly("pin-2");
    assertThat(ids(call("GET", "/pins?status=queued&status=pinning", null))).containsExactly("pin-3", "pin-2", "pin-1");
    assertThat(ids(call("GET", "/pins?" + all + "&before=2026-01-01T00:00:00.003Z", null)))
        .containsExactly("pin-2", "pin-1");
    assertThat(ids(call("GET", "/pins?" + all + "&after=" + encode("2026-01-01T01:00:00.001+01:00"), null)))
        .containsExactly("pin-3", "pin-2");
    assertThat(ids(call("GET", "/pins?" + all + "&meta=" + encode("{\"app\":\"x\"}"), null)))
        .containsExactly("pin-2", "pin-1");
    assertThat(ids(call("GET", "/pins?" + all + "&limit=1", null))).containsExactly("pin-3");
    assertThat(json(call("GET", "/pins?" + all + "&limit=1", null)).get("count").asInt()).isEqualTo(3);
  }

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(response).get("results").forEach(status -> ids.add(status.get("requestid").asText()));
    return ids;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cid=not-a-cid", "cid=", "cid=a,,b", "status=done", "status=", "limit=0", "limit=1001",
      "limit=ten", "limit=99999999999999999999", "before=yesterday", "after=2026-01-01", "after=2026-01-01T00:00:00",
      "match=ipartial&name=a", "match=nonsense", "meta=%7Bbad", "meta=%5B%5D", "meta=%7B%22a%22%3A1%7D",
      "limit=1&limit=2", "cid=%FF", "name=%C0%80"})
  void badFiltersAreBadRequests(String query) throws Exception {
    assertFailure(call("GET", "/pins?" + query, null), 400, "BAD_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/pins?name=%zz", "/pins?cid=%E0%A4%A", "/pins?limit=%", "/pins/%zz"})
  void malformedEscapesAreBadRequests(String target) throws Exception {
    assertThat(server.rawStatus("GET", target, "Authorization: Bearer " + TOKEN)).isEqualTo(400);
  }

  @Test
  void moreThanTenCidsOrALongNameAreBadRequests() throws Exception {
    String cids = IntStream.range(0, 11).mapToObj(seed -> cid(seed).toString()).collect(Collectors.joining(","));

    assertFailure(call("GET", "/pins?cid=" + cids, null), 400, "BAD_REQUEST");
    assertFailure(call("GET", "/pins?name=" + "n".repeat(256), null), 400, "BAD_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "\"cid\"", "{}", "{\"cid\":42}", "{\"cid\":\"not-a-cid\"}",
      "{\"cid\":\"bafkqaaa\",\"name\":7}", "{\"cid\":\"bafkqaaa\",\"meta\":{\"a\":1}}",
      "{\"cid\":\"bafkqaaa\",\"meta\":[]}", "{\"cid\":\"bafkqaaa\",\"origins\":\"/ip4/1.2.3.4\"}",
      "{\"cid\":\"bafkqaaa\",\"origins\":[\"/a\",\"/a\"]}", "{\"cid\":\"bafkqaaa\",\"origins\":[1]}",
      "{\"cid\":\"bafkqaaa\",\"cid\":\"bafkqaaa\"}", "{\"cid\":\"bafkqaaa\"} trailing", "{\"cid\":\"bafkqaaa\""})
  void malformedPinsAreBadRequestsAndStoreNothing(String body) throws Exception {
    assertFailure(call("POST", "/pins", body), 400, "BAD_REQUEST");
    assertThat(pins.size()).isZero();
  }

  @Test
  void aLongNameTooManyOriginsOrMetaEntriesAreBadRequests() throws Exception {
    String origins = IntStream.range(0, 21).mapToObj(n -> "\"/o/" + n + "\"").collect(Collectors.joining(","));
    String meta = IntStream.range(0, 1001).mapToObj(n -> "\"k" + n + "\":\"v\"").collect(Collectors.joining(","));

    assertFailure(call("POST", "/pins", "{\"cid\":\"bafkqaaa\",\"name\":\"" + "n".repeat(256) + "\"}"), 400,
        "BAD_REQUEST");
    assertFailure(call("POST", "/pins", "{\"cid\":\"bafkqaaa\",\"origins\":[" + origins + "]}"), 400, "BAD_REQUEST");
    assertFailure(call("POST", "/pins", "{\"cid\":\"bafkqaaa\",\"meta\":{" + meta + "}}"), 400, "BAD_REQUEST");
    assertThat(pins.size()).isZero();
  }

  @Test
  void bodiesOver64KibAreTooLarge() throws Exception {
    String body = "{\"cid\":\"bafkqaaa\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

    assertFailure(call("POST", "/pins", body), 413, "PAYLOAD_TOO_LARGE");
    assertThat(pins.size()).isZero();
  }

  @Test
  void bodiesThatAreNotJsonAreUnsupported() throws Exception {
    String pin = "{\"cid\":\"" + cid(1) + "\"}";

    assertFailure(send("POST", "/pins", pin, "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain"),
        415, "UNSUPPORTED_MEDIA_TYPE");
    assertFailure(send("POST", "/pins", pin, "Authorization", "Bearer " + TOKEN), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(send("POST", "/pins", pin, "Authorization", "Bearer " + TOKEN, "Content-Type",
        "Application/JSON; charset=utf-8").statusCode()).isEqualTo(202);
  }

  @Test
  void otherMethodsAreNotAllowed() throws Exception {
    HttpResponse<String> put = call("PUT", "/pins", "{}");
    HttpResponse<String> patch = call("PATCH", "/pins/pin-1", "{}");

    assertFailure(put, 405, "METHOD_NOT_ALLOWED");
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
    assertFailure(patch, 405, "METHOD_NOT_ALLOWED");
    assertThat(patch.headers().firstValue("Allow")).contains("GET, POST, DELETE");
  }

  @Test
  void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
    String pin = "{\"cid\":\"" + cid(1) + "\"}";

    assertFailure(send("GET", "/pins", null), 401, "UNAUTHORIZED");
    assertFailure(send("GET", "/pins", null, "Authorization", "Bearer wrong"), 401, "UNAUTHORIZED");
    assertFailure(send("GET", "/pins", null, "Authorization", "Bearer " + TOKEN + "x"), 401, "UNAUTHORIZED");
    assertFailure(send("GET", "/pins", null, "Authorization", "Basic " + TOKEN), 401, "UNAUTHORIZED");
    assertFailure(send("GET", "/pins", null, "Authorization", "Bearer "), 401, "UNAUTHORIZED");
    assertFailure(send("POST", "/pins", pin, "Content-Type", "application/json"), 401, "UNAUTHORIZED");
    assertFailure(send("DELETE", "/pins/pin-1", null), 401, "UNAUTHORIZED");
    assertThat(send("GET", "/pins", null).headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(send("GET", "/pins", null, "Authorization", "bearer another-token").statusCode()).isEqualTo(200);
    assertThat(pins.size()).isZero();
  }

  @Test
  void withNoTokensConfiguredEveryRequestIsUnauthorized() throws Exception {
    try (JettyServer closed = new JettyServer(new PinningApiServlet(pins, Set.of()), "/pins/*")) {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(closed.uri("/pins"))
          .header("Authorization", "Bearer anything").build(), BodyHandlers.ofString());

      assertFailure(response, 401, "UNAUTHORIZED");
      assertThat(json(response).get("error").get("details").asText()).contains("no access tokens configured");
    }
  }

  @Test
  void anInternalFailureIsAnswered500WithoutItsDetails() throws Exception {
    Pins broken = new MemoryPins() {
      @Override
      public synchronized List<PinStatus> list(PinQuery query) {
        throw new IllegalStateException("database password is hunter2");
      }
    };
    try (JettyServer failing = new JettyServer(new PinningApiServlet(broken, Set.of(TOKEN)), "/pins/*")) {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(failing.uri("/pins"))
          .header("Authorization", "Bearer " + TOKEN).build(), BodyHandlers.ofString());

      assertFailure(response, 500, "INTERNAL_SERVER_ERROR");
      assertThat(response.body()).doesNotContain("hunter2");
    }
  }

  @Test
  void theFailureObjectIsAlwaysJson() throws Exception {
    Optional<String> type = call("GET", "/pins/none", null).headers().firstValue("Content-Type");

    assertThat(type).hasValueSatisfying(value -> assertThat(value).startsWith("application/json"));
  }
}
