package io.citrate.node.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the node's chain events. Register an implementation as an OSGi service and the node hands it every
 * event published on the {@code chain-events} route, in publication order, from that route's single consumer
 * thread.
 *
 * <p>Listeners do not see each other's failures: an exception thrown here is logged and the event still
 * reaches every other listener. Return quickly; a slow listener delays the events behind it.
 */
@ConsumerType
public interface ChainEventListener {

  /** @param event the event as published; its type is whatever the publisher sent */
  void onEvent(Object event);
}
