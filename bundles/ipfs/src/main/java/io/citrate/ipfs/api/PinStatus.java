package io.citrate.ipfs.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pin and how far it has got.
 *
 * @param requestId the pin's id, as the Pinning Service API hands it out
 * @param cid the pinned content
 * @param name an optional name (empty when none)
 * @param meta optional key-value metadata given with the request
 * @param replicationTarget how many backends must hold it
 * @param state {@link PinState#PINNED} once that many do; {@link PinState#FAILED} when that can no longer happen
 * @param backends each chosen backend's part
 * @param created when the pin was requested
 */
public record PinStatus(String requestId, Cid cid, String name, Map<String, String> meta, int replicationTarget,
    PinState state, List<BackendPinStatus> backends, Instant created) {

  public PinStatus {
    meta = Map.copyOf(meta);
    backends = List.copyOf(backends);
  }

  /** Attempts over all backends. */
  public int attempts() {
    return backends.stream().mapToInt(BackendPinStatus::attempts).sum();
  }
}
