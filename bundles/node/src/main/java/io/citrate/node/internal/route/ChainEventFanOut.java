package io.citrate.node.internal.route;

import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands an event to every registered {@link ChainEventListener}; one listener's failure stays its own. */
final class ChainEventFanOut {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEventFanOut.class);

  private final List<ChainEventListener> listeners = new CopyOnWriteArrayList<>();

  void add(ChainEventListener listener) {
    listeners.add(listener);
  }

  void remove(ChainEventListener listener) {
    listeners.remove(listener);
  }

  /** Delivers {@code event} to each listener in registration order, logging and skipping any that throws. */
  void deliver(ChainEvent event) {
    for (ChainEventListener listener : listeners) {
      try {
        listener.onChainEvent(event);
      } catch (Throwable failure) {
        LOG.warn("chain event listener {} failed on {}; the other listeners still get it", listener, event,
            failure);
      }
    }
  }
}
