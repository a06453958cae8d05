package io.citrate.ipfs.internal.pin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A pin as it is stored: the request and each backend's part, encoded as one JSON value so that every update
 * replaces the whole record in one write. Immutable; the {@code with…} methods return updated copies.
 */
record PinRecord(String requestId, Cid cid, String name, Map<String, String> meta, int replicationTarget,
    Instant created, List<Backend> backends) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One backend's part: its state, attempts so far, the last failure and the backend's own reference. */
  record Backend(String name, PinState state, int attempts, String lastError, Instant updated, String reference) {
    Backend withState(PinState newState, String error, Instant now) {
      return new Backend(name, newState, attempts, error, now, reference);
    }

    boolean finished() {
      return state == PinState.PINNED || state == PinState.FAILED;
    }

    BackendPinStatus status() {
      return new BackendPinStatus(name, state, attempts, lastError, updated);
    }
  }

  PinRecord {
    meta = Map.copyOf(meta);
    backends = List.copyOf(backends);
  }

  /**
   * PINNED once {@code replicationTarget} backends hold it; FAILED once so many backends failed that the rest cannot
   * reach the target; QUEUED until a first attempt starts; PINNING in between.
   */
  PinState state() {
    int pinned = 0;
    int failed = 0;
    boolean started = false;
    for (Backend backend : backends) {
      pinned += backend.state() == PinState.PINNED ? 1 : 0;
      failed += backend.state() == PinState.FAILED ? 1 : 0;
      started |= backend.state() != PinState.QUEUED;
    }
    if (pinned >= replicationTarget) {
      return PinState.PINNED;
    }
    if (backends.size() - failed < replicationTarget) {
      return PinState.FAILED;
    }
    return started ? PinState.PINNING : PinState.QUEUED;
  }

  Backend backend(String backendName) {
    for (Backend backend : backends) {
      if (backend.name().equals(backendName)) {
        return backend;
      }
    }
    return null;
  }

  PinRecord withBackend(String backendName, UnaryOperator<Backend> update) {
    List<Backend> updated = new ArrayList<>(backends.size());
    for (Backend backend : backends) {
      updated.add(backend.name().equals(backendName) ? update.apply(backend) : backend);
    }
    return new PinRecord(requestId, cid, name, meta, replicationTarget, created, updated);
  }

  PinStatus status() {
    List<BackendPinStatus> parts = new ArrayList<>(backends.size());
    for (Backend backend : backends) {
      parts.add(backend.status());
    }
    return new PinStatus(requestId, cid, name, meta, replicationTarget, state(), parts, created);
  }

  byte[] encode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("requestId", requestId);
    root.put("cid", cid.toString());
    root.put("name", name);
    ObjectNode metaNode = root.putObject("meta");
    meta.forEach(metaNode::put);
    root.put("replicationTarget", replicationTarget);
    root.put("created", created.toString());
    ArrayNode backendNodes = root.putArray("backends");
    for (Backend backend : backends) {
      ObjectNode node = backendNodes.addObject();
      node.put("name", backend.name());
      node.put("state", backend.state().name());
      node.put("attempts", backend.attempts());
      node.put("lastError", backend.lastError());
      node.put("updated", backend.updated().toString());
      node.put("reference", backend.reference());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Decodes a stored record; a record that does not decode is reported as STORAGE, naming the pin. */
  static PinRecord decode(String requestId, byte[] bytes) {
    try {
      JsonNode root = JSON.readTree(bytes);
      Map<String, String> meta = new LinkedHashMap<>();
      root.required("meta").properties().forEach(entry -> meta.put(entry.getKey(), entry.getValue().asText()));
      List<Backend> backends = new ArrayList<>();
      for (JsonNode node : root.required("backends")) {
        backends.add(new Backend(node.required("name").asText(), PinState.valueOf(node.required("state").asText()),
            node.required("attempts").asInt(), textOrNull(node.get("lastError")),
            Instant.parse(node.required("updated").asText()), textOrNull(node.get("reference"))));
      }
      return new PinRecord(root.required("requestId").asText(), Cid.parse(root.required("cid").asText()),
          root.required("name").asText(), meta, root.required("replicationTarget").asInt(),
          Instant.parse(root.required("created").asText()), backends);
    } catch (IOException | RuntimeException e) {
      throw new IpfsException(Kind.STORAGE, "stored pin " + requestId + " does not decode: " + e.getMessage(), e);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
