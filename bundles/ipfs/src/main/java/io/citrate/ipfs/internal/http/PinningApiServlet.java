package io.citrate.ipfs.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPFS Pinning Service API over {@link Pins}, mounted at {@code /pins/*}: {@code GET /pins} (filters {@code cid},
 * {@code name} with {@code match=exact}, {@code status}, {@code before}, {@code after}, {@code limit}, {@code meta}),
 * {@code POST /pins}, {@code GET}, {@code POST} (replace) and {@code DELETE /pins/{requestid}}.
 *
 * <p>Every request needs {@code Authorization: Bearer <token>} with one of the configured tokens, compared in
 * constant time; with none configured the API refuses everything. Bodies are JSON of at most
 * {@value #MAX_BODY_BYTES} bytes; a Pin's fields are checked against the spec's schema and, as the schema allows,
 * fields it does not name are ignored. {@code origins} are checked and ignored (this node has no libp2p to dial
 * them), and {@code delegates} is always empty for the same reason. A listing's {@code count} is exact up to
 * {@value PinQuery#MAX_LIMIT} matches and stops there. Failures are the spec's {@code Failure} object.
 */
public final class PinningApiServlet extends HttpServlet {
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_CID_FILTERS = 10;
  static final int DEFAULT_LIMIT = 10;
  private static final int MAX_ORIGINS = 20;
  private static final int MAX_INFO_LENGTH = 255;
  private static final String JSON = "application/json";
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PinningApiServlet.class);

  private final transient Pins pins;
  private final transient List<byte[]> tokenDigests;
  private final transient ObjectMapper json = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** {@code bearerTokens}: the tokens clients may present; blank ones are ignored, and none refuses every request. */
  public PinningApiServlet(Pins pins, Set<String> bearerTokens) {
    this.pins = pins;
    List<byte[]> digests = new ArrayList<>();
    for (String token : bearerTokens) {
      if (token != null && !token.isBlank()) {
        digests.add(sha256(token));
      }
    }
    this.tokenDigests = List.copyOf(digests);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      if (!authorized(request, response)) {
        return;
      }
      String path = request.getPathInfo();
      String method = request.getMethod();
      if (path == null || path.equals("/")) {
        switch (method) {
          case "GET" -> list(request, response);
          case "POST" -> add(request, response);
          default -> methodNotAllowed(response, "GET, POST");
        }
        return;
      }
      String requestId = path.substring(1);
      if (requestId.indexOf('/') >= 0) {
        fail(response, HttpServletResponse.SC_NOT_FOUND, "NOT_FOUND", "no such resource: /pins" + path);
        return;
      }
      switch (method) {
        case "GET" -> get(requestId, response);
        case "POST" -> replace(requestId, request, response);
        case "DELETE" -> delete(requestId, response);
        default -> methodNotAllowed(response, "GET, POST, DELETE");
      }
    } catch (BadRequest e) {
      fail(response, e.status, e.reason, e.getMessage());
    } catch (IpfsException e) {
      failWith(response, e);
    } catch (RuntimeException e) {
      LOG.error("Pinning API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
      fail(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR",
          "the request failed inside the node; its log has the cause");
    }
  }

  private boolean authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (tokenDigests.isEmpty()) {
      unauthorized(response, "the pinning API has no access tokens configured, so it accepts no requests");
      return false;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
      unauthorized(response, "an access token is required: Authorization: Bearer <token>");
      return false;
    }
    byte[] presented = sha256(header.substring("Bearer ".length()).trim());
    // Every token is compared, in constant time, so the answer's timing says nothing about which one came close.
    boolean match = false;
    for (byte[] digest : tokenDigests) {
      match |= MessageDigest.isEqual(digest, presented);
    }
    if (!match) {
      unauthorized(response, "the access token is invalid");
    }
    return match;
  }

  private void unauthorized(HttpServletResponse response, String details) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    fail(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", details);
  }

  private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    QueryParameters query;
    try {
      query = QueryParameters.parse(request.getQueryString());
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
    Set<Cid> cids = cidFilter(query);
    String name = single(query, "name");
    if (name != null && name.length() > PinRequest.MAX_NAME_LENGTH) {
      throw new BadRequest("name filter of " + name.length() + " characters, the limit is "
          + PinRequest.MAX_NAME_LENGTH);
    }
    String match = single(query, "match");
    if (match != null && !match.equals("exact")) {
      throw new BadRequest("match '" + match + "' is not supported: names are matched exactly (match=exact)");
    }
    Set<PinState> states = statusFilter(query);
    Instant before = instant(query, "before");
    Instant after = instant(query, "after");
    int limit = limit(query);
    Map<String, String> meta = metaFilter(query);
    // The whole first page of matches is fetched so that count can say how many there are, up to the page size.
    List<PinStatus> matches = new ArrayList<>();
    for (PinStatus status : pins.list(new PinQuery(cids, name, states, before, after, PinQuery.MAX_LIMIT))) {
      if (status.meta().entrySet().containsAll(meta.entrySet())) {
        matches.add(status);
      }
    }
    ObjectNode results = json.createObjectNode();
    results.put("count", matches.size());
    ArrayNode array = results.putArray("results");
    for (PinStatus status : matches.subList(0, Math.min(limit, matches.size()))) {
      array.add(pinStatus(status));
    }
    write(response, HttpServletResponse.SC_OK, results);
  }

  private void add(HttpServletRequest request, HttpServletResponse response) throws IOException {
    PinRequest pin = readPin(request);
    write(response, HttpServletResponse.SC_ACCEPTED, pinStatus(pins.pin(pin)));
  }

  private void get(String requestId, HttpServletResponse response) throws IOException {
    PinStatus status = pins.status(requestId).orElseThrow(() -> unknown(requestId));
    write(response, HttpServletResponse.SC_OK, pinStatus(status));
  }

  private void replace(String requestId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PinRequest pin = readPin(request);
    if (pins.status(requestId).isEmpty()) {
      throw unknown(requestId);
    }
    write(response, HttpServletResponse.SC_ACCEPTED, pinStatus(pins.replace(requestId, pin)));
  }

  private void delete(String requestId, HttpServletResponse response) {
    if (!pins.unpin(requestId)) {
      throw unknown(requestId);
    }
    response.setStatus(HttpServletResponse.SC_ACCEPTED);
  }

  private static IpfsException unknown(String requestId) {
    return new IpfsException(Kind.NOT_FOUND, "no pin with request id '" + requestId + "'");
  }

  /** The request body as a Pin object: JSON, at most {@value #MAX_BODY_BYTES} bytes, checked against the schema. */
  private PinRequest readPin(HttpServletRequest request) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals(JSON)) {
      throw new BadRequest(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
          "the body must be a Pin object as application/json, not " + (contentType == null ? "no content type"
              : contentType));
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    JsonNode pin;
    try {
      pin = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (pin == null || !pin.isObject()) {
      throw new BadRequest("the body must be a Pin object: {\"cid\": \"…\", \"name\": \"…\", \"meta\": {…}}");
    }
    JsonNode cid = pin.get("cid");
    if (cid == null || !cid.isTextual()) {
      throw new BadRequest("a Pin needs its cid as a string");
    }
    JsonNode name = pin.get("name");
    if (name != null && !name.isTextual() && !name.isNull()) {
      throw new BadRequest("a Pin's name must be a string");
    }
    checkOrigins(pin.get("origins"));
    Map<String, String> meta = stringMap(pin.get("meta"), "meta");
    return new PinRequest(Cid.parse(cid.textValue()), name == null ? null : name.textValue(), meta, 0);
  }

  private static BadRequest tooLarge() {
    return new BadRequest(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE",
        "the body is over " + MAX_BODY_BYTES + " bytes");
  }

  /** Origins are validated as the schema says, then ignored: this node does not dial other peers. */
  private static void checkOrigins(JsonNode origins) {
    if (origins == null || origins.isNull()) {
      return;
    }
    if (!origins.isArray() || origins.size() > MAX_ORIGINS) {
      throw new BadRequest("origins must be a list of at most " + MAX_ORIGINS + " multiaddr strings");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode origin : origins) {
      if (!origin.isTextual() || !seen.add(origin.textValue())) {
        throw new BadRequest("origins must be distinct multiaddr strings");
      }
    }
  }

  private static Map<String, String> stringMap(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new BadRequest(what + " must be an object of string values");
    }
    if (node.size() > PinRequest.MAX_META_ENTRIES) {
      throw new BadRequest(what + " has " + node.size() + " entries, the limit is " + PinRequest.MAX_META_ENTRIES);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new BadRequest(what + "[" + field.getKey() + "] must be a string");
      }
      map.put(field.getKey(), field.getValue().textValue());
    }
    return map;
  }

  /** {@code cid}: repeated ({@code cid=a&cid=b}) or comma-separated ({@code cid=a,b}), at most ten. */
  private static Set<Cid> cidFilter(QueryParameters query) {
    Set<Cid> cids = new LinkedHashSet<>();
    for (String text : listParameter(query, "cid")) {
      cids.add(Cid.parse(text));
    }
    if (cids.size() > MAX_CID_FILTERS) {
      throw new BadRequest("cid filter of " + cids.size() + " ids, the limit is " + MAX_CID_FILTERS);
    }
    return cids;
  }

  /** {@code status}: repeated or comma-separated; without it only pinned pins are listed, as the spec says. */
  private static Set<PinState> statusFilter(QueryParameters query) {
    List<String> names = listParameter(query, "status");
    if (names.isEmpty()) {
      return Set.of(PinState.PINNED);
    }
    Set<PinState> states = new LinkedHashSet<>();
    for (String name : names) {
      PinState state = null;
      for (PinState candidate : PinState.values()) {
        if (candidate.apiName().equals(name)) {
          state = candidate;
        }
      }
      if (state == null) {
        throw new BadRequest("status '" + name + "' is not one of queued, pinning, pinned, failed");
      }
      states.add(state);
    }
    return states;
  }

  private static List<String> listParameter(QueryParameters query, String name) {
    List<String> items = new ArrayList<>();
    for (String value : query.all(name)) {
      for (String item : value.split(",", -1)) {
        if (item.isBlank()) {
          throw new BadRequest(name + " filter has an empty item");
        }
        items.add(item.trim());
      }
    }
    return items;
  }

  private static String single(QueryParameters query, String name) {
    List<String> values = query.all(name);
    if (values.size() > 1) {
      throw new BadRequest(name + " is given " + values.size() + " times");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /** An RFC 3339 date-time with an offset ({@code 2020-07-27T17:32:28Z}). */
  private static Instant instant(QueryParameters query, String name) {
    String text = single(query, name);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " '" + text + "' is not an ISO-8601 date-time with an offset, such as "
          + "2020-07-27T17:32:28Z");
    }
  }

  private static int limit(QueryParameters query) {
    String text = single(query, "limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > PinQuery.MAX_LIMIT) {
      throw new BadRequest("limit '" + text + "' is not an integer from 1 to " + PinQuery.MAX_LIMIT);
    }
    return limit;
  }

  /** {@code meta}: a JSON object of strings; a pin matches when its metadata holds every one of those entries. */
  private Map<String, String> metaFilter(QueryParameters query) {
    String text = single(query, "meta");
    if (text == null) {
      return Map.of();
    }
    try {
      return stringMap(json.readTree(text), "meta filter");
    } catch (JsonProcessingException e) {
      throw new BadRequest("meta filter is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private ObjectNode pinStatus(PinStatus status) {
    ObjectNode node = json.createObjectNode();
    node.put("requestid", status.requestId());
    node.put("status", status.state().apiName());
    node.put("created", CREATED.format(status.created()));
    ObjectNode pin = node.putObject("pin");
    pin.put("cid", status.cid().toString());
    if (!status.name().isEmpty()) {
      pin.put("name", status.name());
    }
    pin.putArray("origins");
    ObjectNode meta = pin.putObject("meta");
    status.meta().forEach(meta::put);
    node.putArray("delegates");
    ObjectNode info = node.putObject("info");
    info.put("replication_target", Integer.toString(status.replicationTarget()));
    for (BackendPinStatus backend : status.backends()) {
      info.put("backend." + backend.backend(), backendInfo(backend));
    }
    return node;
  }

  /** One backend's progress in a line: StatusInfo values are strings, kept short. */
  private static String backendInfo(BackendPinStatus backend) {
    StringBuilder line = new StringBuilder(backend.state().apiName())
        .append(", ").append(backend.attempts()).append(backend.attempts() == 1 ? " attempt" : " attempts");
    if (backend.lastError() != null) {
      line.append(", last error: ").append(backend.lastError());
    }
    return line.length() <= MAX_INFO_LENGTH ? line.toString() : line.substring(0, MAX_INFO_LENGTH - 1) + "…";
  }

  private static void failWith(HttpServletResponse response, IpfsException e) throws IOException {
    switch (e.kind()) {
      case INVALID_CID, INVALID_PATH, INVALID_DATA, TOO_LARGE ->
          fail(response, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", e.getMessage());
      case NOT_FOUND -> fail(response, HttpServletResponse.SC_NOT_FOUND, "NOT_FOUND", e.getMessage());
      case UNAVAILABLE -> fail(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
          e.getMessage());
      default -> {
        LOG.error("Pinning API request failed", e);
        fail(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR", e.getMessage());
      }
    }
  }

  private static void methodNotAllowed(HttpServletResponse response, String allowed) throws IOException {
    response.setHeader("Allow", allowed);
    fail(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
        "this resource takes " + allowed);
  }

  private static void fail(HttpServletResponse response, int status, String reason, String details)
      throws IOException {
    ObjectNode failure = JsonNodeFactory.instance.objectNode();
    ObjectNode error = failure.putObject("error");
    error.put("reason", reason);
    error.put("details", details);
    write(response, status, failure);
  }

  private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(JSON);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A request that breaks the API's rules: answered with a Failure, nothing changed. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String reason;

    BadRequest(String details) {
      this(HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", details);
    }

    BadRequest(int status, String reason, String details) {
      super(details);
      this.status = status;
      this.reason = reason;
    }
  }
}
