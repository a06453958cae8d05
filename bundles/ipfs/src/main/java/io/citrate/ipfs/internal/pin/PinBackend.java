package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;

/**
 * A place that can hold pins: the node's blockstore ({@code local}), an external Kubo ({@code kubo}), a remote
 * pinning service. Each call is one attempt; the pin queue retries and records the outcome.
 */
public interface PinBackend {
  /** The configured name, unique among the backends: it names the backend in pin statuses and metrics. */
  String name();

  /** One attempt: returns when {@code cid} is pinned there; throws {@link PinAttemptException} otherwise. */
  void pin(Cid cid, String pinName);

  /** Removes the pin of {@code cid} there; unpinning what is not pinned succeeds. */
  void unpin(Cid cid);

  /**
   * One attempt for {@code pin}, which carries the pin's metadata and the reference an earlier attempt left; a backend
   * that keeps a reference of its own sets it on {@code pin}, also when the attempt then fails.
   */
  default void pin(BackendPin pin) {
    pin(pin.cid(), pin.name());
  }

  /** Removes the pin of {@code cid} known by {@code reference} (null when no attempt left one). */
  default void unpin(Cid cid, String reference) {
    unpin(cid);
  }
}
