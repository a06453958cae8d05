package io.citrate.ipfs.internal.http;

import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pins kept in a map with a clock that ticks a millisecond per pin: enough to drive the API's filters. */
class MemoryPins implements Pins {
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, PinStatus> pins = new LinkedHashMap<>();
  private int next;

  @Override
  public synchronized PinStatus pin(PinRequest request) {
    next++;
    String id = "pin-" + next;
    Instant created = EPOCH.plusMillis(next);
    PinStatus status = new PinStatus(id, request.cid(), request.name(), request.meta(), 1, PinState.QUEUED,
        List.of(new BackendPinStatus("local", PinState.QUEUED, 0, null, created)), created);
    pins.put(id, status);
    return status;
  }

  @Override
  public synchronized PinStatus replace(String requestId, PinRequest request) {
    if (pins.remove(requestId) == null) {
      throw new IpfsException(Kind.NOT_FOUND, "no pin " + requestId);
    }
    return pin(request);
  }

  @Override
  public synchronized Optional<PinStatus> status(String requestId) {
    return Optional.ofNullable(pins.get(requestId));
  }

  @Override
  public synchronized List<PinStatus> statusOf(Cid cid) {
    return pins.values().stream().filter(status -> status.cid().equals(cid))
        .sorted(Comparator.comparing(PinStatus::created).reversed()).toList();
  }

  @Override
  public synchronized List<PinStatus> list(PinQuery query) {
    return pins.values().stream()
        .filter(status -> query.cids().isEmpty() || query.cids().contains(status.cid()))
        .filter(status -> query.name() == null || query.name().equals(status.name()))
        .filter(status -> query.states().isEmpty() || query.states().contains(status.state()))
        .filter(status -> query.before() == null || status.created().isBefore(query.before()))
        .filter(status -> query.after() == null || status.created().isAfter(query.after()))
        .sorted(Comparator.comparing(PinStatus::created).reversed())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized boolean unpin(String requestId) {
    return pins.remove(requestId) != null;
  }

  @Override
  public synchronized List<Cid> pinnedRoots() {
    return pins.values().stream().map(PinStatus::cid).distinct().toList();
  }

  /** Moves a pin to {@code state}, its one backend with it, after {@code attempts} with {@code lastError}. */
  synchronized void settle(String requestId, PinState state, int attempts, String lastError) {
    PinStatus old = pins.get(requestId);
    pins.put(requestId, new PinStatus(old.requestId(), old.cid(), old.name(), old.meta(), old.replicationTarget(),
        state, List.of(new BackendPinStatus("local", state, attempts, lastError, old.created())), old.created()));
  }

  synchronized int size() {
    return pins.size();
  }

  synchronized List<PinStatus> all() {
    return new ArrayList<>(pins.values());
  }
}
