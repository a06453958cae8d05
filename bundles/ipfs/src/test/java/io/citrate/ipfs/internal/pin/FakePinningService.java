package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake of the IPFS Pinning Service API ({@code /pins}, bearer-token auth, PinStatus and Failure objects as the spec
 * defines them), not a real service. Each request moves queued → pinning → pinned, one step each time its status is
 * read; a CID in {@link #failing} moves to failed instead. Faults: answers with garbage, calls left hanging.
 */
final class FakePinningService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;
  private final HttpServer server;
  private final Map<String, Request> requests = Collections.synchronizedMap(new LinkedHashMap<>());
  private final CountDownLatch released = new CountDownLatch(1);
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Set<Cid> failing = Collections.synchronizedSet(new HashSet<>());
  volatile int garbageAnswers;
  volatile int hangingCalls;

  /** One pin request as the service keeps it. */
  static final class Request {
    final String id;
    final String cid;
    final String name;
    final JsonNode meta;
    final Instant created = Instant.now();
    volatile String status = "queued";

    Request(String id, String cid, String name, JsonNode meta) {
      this.id = id;
      this.cid = cid;
      this.name = name;
      this.meta = meta;
    }
  }

  FakePinningService(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/pins", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    synchronized (requests) {
      return new ArrayList<>(requests.values());
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      calls.add(method + " " + path);
      if (hangingCalls > 0) {
        hangingCalls--;
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        failure(exchange, 401, "UNAUTHORIZED", "access token is missing or invalid");
        return;
      }
      if (garbageAnswers > 0) {
        garbageAnswers--;
        send(exchange, 200, "<html>upstream proxy error</html>");
        return;
      }
      String id = path.startsWith("/pins/") ? path.substring("/pins/".length()) : null;
      if (id == null && method.equals("GET")) {
        list(exchange);
      } else if (id == null && method.equals("POST")) {
        create(exchange);
      } else if (id != null && method.equals("GET")) {
        Request request = requests.get(id);
        if (request == null) {
          failure(exchange, 404, "NOT_FOUND", "no pin request " + id);
        } else {
          advance(request);
          send(exchange, 200, status(request).toString());
        }
      } else if (id != null && method.equals("DELETE")) {
        if (requests.remove(id) == null) {
          failure(exchange, 404, "NOT_FOUND", "no pin request " + id);
        } else {
          exchange.sendResponseHeaders(202, -1);
        }
      } else {
        failure(exchange, 400, "BAD_REQUEST", method + " " + path + " is not part of the API");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    List<String> cids = query.containsKey("cid") ? Arrays.asList(query.get("cid").split(",")) : null;
    List<String> statuses = Arrays.asList(query.getOrDefault("status", "pinned").split(","));
    List<Request> matches = new ArrayList<>();
    for (Request request : requests()) {
      advance(request);
      if ((cids == null || cids.contains(request.cid)) && statuses.contains(request.status)) {
        matches.add(request);
      }
    }
    matches.sort(Comparator.comparing((Request request) -> request.created).reversed());
    ObjectNode page = JSON.createObjectNode().put("count", matches.size());
    ArrayNode results = page.putArray("results");
    matches.forEach(request -> results.add(status(request)));
    send(exchange, 200, page.toString());
  }

  private void create(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    }
    String cid = body.path("cid").asText("");
    try {
      Cid.parse(cid);
    } catch (IpfsException e) {
      failure(exchange, 400, "BAD_REQUEST", "invalid cid: " + e.getMessage());
      return;
    }
    Request request = new Request(UUID.randomUUID().toString(), cid, body.path("name").asText(""),
        body.path("meta").isObject() ? body.get("meta") : JSON.createObjectNode());
    requests.put(request.id, request);
    send(exchange, 202, status(request).toString());
  }

  /** One step along queued → pinning → pinned (or failed). */
  private void advance(Request request) {
    switch (request.status) {
      case "queued" -> request.status = "pinning";
      case "pinning" -> request.status = failing.contains(Cid.parse(request.cid)) ? "failed" : "pinned";
      default -> { }
    }
  }

  private static ObjectNode status(Request request) {
    ObjectNode status = JSON.createObjectNode()
        .put("requestid", request.id)
        .put("status", request.status)
        .put("created", request.created.toString());
    ObjectNode pin = status.putObject("pin").put("cid", request.cid).put("name", request.name);
    pin.putArray("origins");
    pin.set("meta", request.meta);
    status.putArray("delegates").add("/dnsaddr/pins.example/p2p/12D3KooWFake");
    status.putObject("info");
    return status;
  }

  private static void failure(HttpExchange exchange, int status, String reason, String details) throws IOException {
    ObjectNode failure = JSON.createObjectNode();
    failure.putObject("error").put("reason", reason).put("details", details);
    send(exchange, status, failure.toString());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
