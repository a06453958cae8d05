package io.citrate.ipfs.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Pins with a replication target. A pin is recorded (and survives restarts) before this returns, then a queue
 * drives it to each chosen backend, retrying failures with exponential backoff; {@link #status} shows its
 * progress. Content pinned here is never garbage-collected from the node's blockstore.
 */
@ProviderType
public interface Pins {

  /** Records the pin and queues it; returns its status (queued). Pinning an id already pinned adds a pin. */
  PinStatus pin(PinRequest request);

  /** Replaces pin {@code requestId} by a new one for {@code request}, as the Pinning Service API does. */
  PinStatus replace(String requestId, PinRequest request);

  Optional<PinStatus> status(String requestId);

  /** Pins of {@code cid}, newest first. */
  List<PinStatus> statusOf(Cid cid);

  List<PinStatus> list(PinQuery query);

  /** Removes pin {@code requestId} from this node and from the backends that hold it; false when unknown. */
  boolean unpin(String requestId);

  /** Every id some pin names: the roots garbage collection keeps. */
  List<Cid> pinnedRoots();
}
