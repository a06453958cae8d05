package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.internal.pin.PinBackend;
import io.citrate.ipfs.internal.pin.PinManager;
import io.citrate.ipfs.internal.pin.PinSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pinning Service API over the node's pin manager on an in-memory store, with no queue route running: pins are
 * recorded and stay queued, which is what a client sees until the queue gets to them.
 */
class PinningApiOverPinManagerTest {
  private static final String TOKEN = "manager-token";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PinSettings SETTINGS =
      new PinSettings(1, 3, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), 1);
  private static final String ALL_STATES = "status=queued,pinning,pinned,failed";

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private PinManager pins;
  private JettyServer server;

  @BeforeEach
  void start() throws Exception {
    open();
  }

  private void open() throws Exception {
    pins = new PinManager(store, List.of(new IdleBackend()), SETTINGS, new MetricRegistry());
    server = new JettyServer(new PinningApiServlet(pins, Set.of(TOKEN)), "/pins/*");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    pins.close();
  }

  /** A backend the queue would use; with no route running it is never called. */
  private static final class IdleBackend implements PinBackend {
    @Override
    public String name() {
      return "local";
    }

    @Override
    public void pin(Cid cid, String pinName) {}

    @Override
    public void unpin(Cid cid) {}
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static Cid cid(int seed) {
    return Cid.of(1, Cid.RAW, ("managed " + seed).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPinIsRecordedQueuedAndSurvivesARestart() throws Exception {
    HttpResponse<String> added = call("POST", "/pins",
        "{\"cid\":\"" + cid(1) + "\",\"name\":\"model\",\"meta\":{\"app\":\"citrate\"}}");
    String id = json(added).get("requestid").asText();

    assertThat(added.statusCode()).isEqualTo(202);
    assertThat(json(added).get("status").asText()).isEqualTo("queued");
    assertThat(json(added).get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(json(added).get("info").get("backend.local").asText()).startsWith("queued");
    assertThat(pins.pinnedRoots()).containsExactly(cid(1));

    stop();
    open();
    HttpResponse<String> read = call("GET", "/pins/" + id, null);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).get("pin").get("name").asText()).isEqualTo("model");
    assertThat(json(read).get("pin").get("meta").get("app").asText()).isEqualTo("citrate");
  }

  @Test
  void listingFiltersQueuedPins() throws Exception {
    call("POST", "/pins", "{\"cid\":\"" + cid(1) + "\",\"name\":\"a\",\"meta\":{\"k\":\"1\"}}");
    call("POST", "/pins", "{\"cid\":\"" + cid(2) + "\",\"name\":\"b\"}");
    call("POST", "/pins", "{\"cid\":\"" + cid(3) + "\",\"name\":\"a\"}");

    JsonNode pinnedOnly = json(call("GET", "/pins", null));
    JsonNode queued = json(call("GET", "/pins?status=queued", null));
    JsonNode byName = json(call("GET", "/pins?" + ALL_STATES + "&name=a", null));
    JsonNode byCid = json(call("GET", "/pins?" + ALL_STATES + "&cid=" + cid(2), null));
    JsonNode byMeta = json(call("GET", "/pins?" + ALL_STATES + "&meta="
        + URLEncoder.encode("{\"k\":\"1\"}", StandardCharsets.UTF_8), null));
    JsonNode firstPage = json(call("GET", "/pins?" + ALL_STATES + "&limit=2", null));
    String oldestShown = firstPage.get("results").get(1).get("created").asText();
    JsonNode secondPage = json(call("GET", "/pins?" + ALL_STATES + "&limit=2&before=" + oldestShown, null));

    assertThat(pinnedOnly.get("count").asInt()).isZero();
    assertThat(queued.get("count").asInt()).isEqualTo(3);
    assertThat(byName.get("count").asInt()).isEqualTo(2);
    assertThat(byCid.get("results").get(0).get("pin").get("cid").asText()).isEqualTo(cid(2).toString());
    assertThat(byMeta.get("count").asInt()).isEqualTo(1);
    assertThat(firstPage.get("count").asInt()).isEqualTo(3);
    assertThat(firstPage.get("results")).hasSize(2);
    assertThat(secondPage.get("results")).hasSize(1);
    assertThat(secondPage.get("results").get(0).get("pin").get("cid").asText()).isEqualTo(cid(1).toString());
  }

  @Test
  void replacingAndRemovingGoThroughTheManager() throws Exception {
    String id = json(call("POST", "/pins", "{\"cid\":\"" + cid(1) + "\"}")).get("requestid").asText();

    HttpResponse<String> replaced = call("POST", "/pins/" + id, "{\"cid\":\"" + cid(2) + "\"}");
    String newId = json(replaced).get("requestid").asText();

    assertThat(replaced.statusCode()).isEqualTo(202);
    assertThat(call("GET", "/pins/" + id, null).statusCode()).isEqualTo(404);
    assertThat(pins.pinnedRoots()).containsExactly(cid(2));
    assertThat(call("DELETE", "/pins/" + newId, null).statusCode()).isEqualTo(202);
    assertThat(call("DELETE", "/pins/" + newId, null).statusCode()).isEqualTo(404);
    assertThat(pins.pinnedRoots()).isEmpty();
  }

  @Test
  void refusedRequestsRecordNothing() throws Exception {
    call("POST", "/pins", "{\"cid\":\"not-a-cid\"}");
    call("POST", "/pins", "{\"cid\":");
    call("POST", "/pins", "{\"cid\":\"" + cid(1) + "\",\"name\":\"" + "n".repeat(300) + "\"}");
    call("POST", "/pins/unknown", "{\"cid\":\"" + cid(1) + "\"}");

    assertThat(json(call("GET", "/pins?" + ALL_STATES, null)).get("count").asInt()).isZero();
    assertThat(pins.pinnedRoots()).isEmpty();
  }
}
