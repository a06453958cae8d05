package io.citrate.node.internal.route;

import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Route {@value #ROUTE_ID}: events published to {@value #ENDPOINT} go, one at a time and in order, to every
 * {@link ChainEventListener} service. The queue is bounded ({@value #QUEUE_SIZE}); a publisher that finds it
 * full gets an exception at once instead of blocking the chain.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
    property = NodeCamelContext.ROUTES_PROPERTY + "=" + NodeCamelContext.NAME)
public final class ChainEventsRoute extends RouteBuilder {
  /** The route id, as {@code camel:route-list} shows it. */
  public static final String ROUTE_ID = "chain-events";
  /** Where publishers send events, e.g. {@code producerTemplate.sendBody(ENDPOINT, event)}. */
  public static final String ENDPOINT = "seda:chain-events";
  static final int QUEUE_SIZE = 1024;
  static final String FROM = ENDPOINT + "?size=" + QUEUE_SIZE + "&blockWhenFull=false";

  private final ChainEventFanOut fanOut = new ChainEventFanOut();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addListener(ChainEventListener listener) {
    fanOut.add(listener);
  }

  void removeListener(ChainEventListener listener) {
    fanOut.remove(listener);
  }

  @Override
  public void configure() {
    from(FROM).routeId(ROUTE_ID)
        .process(exchange -> fanOut.deliver(exchange.getMessage().getMandatoryBody(ChainEvent.class)));
  }
}
