package io.citrate.node.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every service of this type receives the node's chain events, in commit order, on the node's
 * event thread. A listener must return quickly; one that throws is logged and does not stop the others.
 */
@ConsumerType
public interface ChainEventListener {
  void onChainEvent(ChainEvent event);
}
