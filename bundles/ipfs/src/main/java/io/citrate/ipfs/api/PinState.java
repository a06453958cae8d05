package io.citrate.ipfs.api;

/** Where a pin stands, as the IPFS Pinning Service API names the states. */
public enum PinState {
  /** Accepted, waiting for its turn. */
  QUEUED,
  /** Being driven to its target; a retry after a failed attempt is here too. */
  PINNING,
  /** Held by as many backends as its replication target asks. */
  PINNED,
  /** Gave up: the target cannot be reached with the backends left (see each backend's last error). */
  FAILED;

  /** The lower-case name the Pinning Service API uses. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
