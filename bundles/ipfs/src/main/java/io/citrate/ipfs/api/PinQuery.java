package io.citrate.ipfs.api;

import java.time.Instant;
import java.util.Set;

/**
 * Which pins to list, as the Pinning Service API filters them. Null or empty fields do not filter.
 *
 * @param cids only pins of these ids
 * @param name only pins with this name (exact match)
 * @param states only pins in these states
 * @param before only pins created before this instant
 * @param after only pins created after this instant
 * @param limit most pins returned, newest first, 1 to 1000
 */
public record PinQuery(Set<Cid> cids, String name, Set<PinState> states, Instant before, Instant after, int limit) {
  public static final int MAX_LIMIT = 1000;

  public PinQuery {
    cids = cids == null ? Set.of() : Set.copyOf(cids);
    states = states == null ? Set.of() : Set.copyOf(states);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IpfsException(IpfsException.Kind.INVALID_DATA, "limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
  }

  public static PinQuery all(int limit) {
    return new PinQuery(Set.of(), null, Set.of(), null, null, limit);
  }
}
