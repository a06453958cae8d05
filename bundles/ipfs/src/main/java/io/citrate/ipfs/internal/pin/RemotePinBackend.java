package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A remote pinning service as a pin backend, over the IPFS Pinning Service API with a bearer token. An attempt
 * continues the service's request for the pin when an earlier attempt left its id; otherwise it looks for a request
 * of the same CID the service already has ({@code GET /pins?cid=…}) and, finding none that is live, creates one
 * ({@code POST /pins}). It returns once the request is {@code pinned}; while it is {@code queued} or {@code pinning}
 * the attempt fails retryably, so the queue's backoff polls the service; {@code failed} fails for good. A request the
 * service reports failed is not reused when looking up by CID: a fresh one is created instead.
 *
 * <p>Answers are parsed strictly: malformed JSON or an unexpected status is a retryable failure saying so; 401 and
 * 403 mean the token is refused, which retrying does not change.
 */
public final class RemotePinBackend implements PinBackend {
  /** Longest answer read; a page of pin statuses with metadata stays well under it. */
  static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
  private static final Set<String> LIVE = Set.of("queued", "pinning", "pinned");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final URI pins;
  private final String authorization;
  private final BoundedHttp http;

  /**
   * @param name the backend's configured name
   * @param endpoint the service's base address; its {@code /pins} is used
   * @param bearerToken the access token the service issued
   * @param timeout the longest one call may take
   */
  public RemotePinBackend(String name, URI endpoint, String bearerToken, Duration timeout) {
    if (bearerToken == null || bearerToken.isBlank()) {
      throw new IpfsException(Kind.INVALID_DATA, "pinning service " + name + " has no access token configured");
    }
    BoundedHttp.checkHttpUrl(endpoint, "pinning service " + name + " endpoint");
    String base = endpoint.toString();
    this.name = name;
    this.pins = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/pins");
    this.authorization = "Bearer " + bearerToken;
    this.http = new BoundedHttp(timeout);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void pin(Cid cid, String pinName) {
    pin(new BackendPin(cid, pinName, Map.of(), null));
  }

  @Override
  public void pin(BackendPin pin) {
    RemoteStatus status = pin.reference() == null ? null : find(pin.reference());
    if (status == null) {
      status = live(pin.cid());
    }
    if (status == null) {
      status = create(pin);
    }
    pin.reference(status.requestId());
    switch (status.status()) {
      case "pinned" -> { }
      case "queued", "pinning" -> throw new PinAttemptException("pinning service " + name + " has the pin of "
          + pin.cid() + " " + status.status(), true);
      case "failed" -> throw new PinAttemptException("pinning service " + name + " failed to pin " + pin.cid()
          + " (request " + status.requestId() + ")", false);
      default -> throw new PinAttemptException("pinning service " + name + " answered an unknown status '"
          + status.status() + "' for " + pin.cid(), true);
    }
  }

  @Override
  public void unpin(Cid cid) {
    unpin(cid, null);
  }

  /** Deletes the request {@code reference}, or every request of {@code cid} when there is none. */
  @Override
  public void unpin(Cid cid, String reference) {
    List<String> requests = new ArrayList<>();
    if (reference != null) {
      requests.add(reference);
    } else {
      for (RemoteStatus status : list(cid)) {
        requests.add(status.requestId());
      }
    }
    for (String request : requests) {
      BoundedHttp.Answer answer = send(HttpRequest.newBuilder(pins.resolve("pins/" + encode(request))).DELETE(),
          "DELETE /pins/" + request);
      if (!answer.ok() && answer.status() != 404) {
        throw new IpfsException(Kind.BACKEND, failure("DELETE /pins/" + request, answer).getMessage());
      }
    }
  }

  /** The request {@code requestId}, or null when the service no longer knows it. */
  private RemoteStatus find(String requestId) {
    String call = "GET /pins/" + requestId;
    BoundedHttp.Answer answer = send(HttpRequest.newBuilder(pins.resolve("pins/" + encode(requestId))).GET(), call);
    if (answer.status() == 404) {
      return null;
    }
    if (!answer.ok()) {
      throw failure(call, answer);
    }
    return status(call, parse(call, answer));
  }

  /** A request of {@code cid} the service has and has not given up on, pinned ones first; null when none. */
  private RemoteStatus live(Cid cid) {
    RemoteStatus best = null;
    for (RemoteStatus status : list(cid)) {
      if (LIVE.contains(status.status()) && (best == null || status.status().equals("pinned"))) {
        best = status;
      }
    }
    return best;
  }

  /** The service's requests of {@code cid} in every status (the API lists only pinned ones unless asked). */
  private List<RemoteStatus> list(Cid cid) {
    String call = "GET /pins?cid=" + cid;
    URI uri = URI.create(pins + "?cid=" + encode(cid.toString()) + "&status=queued,pinning,pinned,failed");
    BoundedHttp.Answer answer = send(HttpRequest.newBuilder(uri).GET(), call);
    if (!answer.ok()) {
      throw failure(call, answer);
    }
    JsonNode page = parse(call, answer);
    JsonNode results = page.get("results");
    if (!page.path("count").canConvertToInt() || results == null || !results.isArray()) {
      throw new PinAttemptException("pinning service " + name + " answered " + call
          + " without a count and a results array", true);
    }
    List<RemoteStatus> statuses = new ArrayList<>();
    for (JsonNode result : results) {
      statuses.add(status(call, result));
    }
    return statuses;
  }

  private RemoteStatus create(BackendPin pin) {
    ObjectNode body = JSON.createObjectNode();
    body.put("cid", pin.cid().toString());
    if (!pin.name().isEmpty()) {
      body.put("name", pin.name());
    }
    if (!pin.meta().isEmpty()) {
      ObjectNode meta = body.putObject("meta");
      pin.meta().forEach(meta::put);
    }
    String call = "POST /pins";
    BoundedHttp.Answer answer = send(HttpRequest.newBuilder(pins).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8))), call);
    if (!answer.ok()) {
      throw failure(call, answer);
    }
    return status(call, parse(call, answer));
  }

  private BoundedHttp.Answer send(HttpRequest.Builder request, String call) {
    try {
      return http.send(request.header("Authorization", authorization).header("Accept", "application/json"),
          MAX_ANSWER_BYTES);
    } catch (HttpTimeoutException e) {
      throw new PinAttemptException("pinning service " + name + " did not answer " + call + " within "
          + http.timeout().toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new PinAttemptException("pinning service " + name + " failed on " + call + ": " + e.getMessage(), true,
          e);
    }
  }

  /** A PinStatus object: requestid and status are required, and pin.cid must be a CID. */
  private RemoteStatus status(String call, JsonNode node) {
    JsonNode requestId = node.get("requestid");
    JsonNode status = node.get("status");
    JsonNode cid = node.path("pin").get("cid");
    if (requestId == null || !requestId.isTextual() || requestId.asText().isEmpty() || status == null
        || !status.isTextual() || cid == null || !cid.isTextual()) {
      throw new PinAttemptException("pinning service " + name + " answered " + call
          + " with a pin status lacking requestid, status or pin.cid", true);
    }
    try {
      Cid.parse(cid.asText());
    } catch (IpfsException e) {
      throw new PinAttemptException("pinning service " + name + " answered " + call + " with an invalid CID: "
          + e.getMessage(), true, e);
    }
    return new RemoteStatus(requestId.asText(), status.asText());
  }

  private JsonNode parse(String call, BoundedHttp.Answer answer) {
    return answer.jsonObject(JSON, "pinning service " + name + " answered " + call);
  }


  /** 401 and 403: the token is refused; other 4xx: the request is wrong; 5xx and 429: try again. */
  private PinAttemptException failure(String call, BoundedHttp.Answer answer) {
    String reason = errorReason(answer);
    if (answer.status() == 401 || answer.status() == 403) {
      return new PinAttemptException("pinning service " + name + " token refused (" + answer.status() + " on "
          + call + "): " + reason, false);
    }
    boolean retryable = answer.status() >= 500 || answer.status() == 429;
    return new PinAttemptException("pinning service " + name + " answered " + call + " with " + answer.status()
        + ": " + reason, retryable);
  }

  /** The spec's Failure object: {"error": {"reason": ..., "details": ...}}. */
  private static String errorReason(BoundedHttp.Answer answer) {
    try {
      JsonNode error = JSON.readTree(answer.body()).path("error");
      if (error.path("reason").isTextual()) {
        String details = error.path("details").asText("");
        return error.get("reason").asText() + (details.isEmpty() ? "" : ": " + details);
      }
    } catch (IOException | RuntimeException e) {
      // Not the spec's error object: shown as text below.
    }
    String text = new String(answer.body(), StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The parts of a service's PinStatus an attempt needs. */
  private record RemoteStatus(String requestId, String status) {}
}
