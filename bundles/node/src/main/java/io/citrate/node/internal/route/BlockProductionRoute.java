package io.citrate.node.internal.route;

import io.citrate.node.internal.NodeService;
import io.citrate.node.internal.ProductionSettings;
import org.apache.camel.ExchangePattern;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Route {@value #ROUTE_ID}, in interval production only: every interval the validator builds a block if it wins
 * the slot and sends it to {@link BlockIngressRoute}, waiting for the commit so the next block builds on it.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
    property = NodeCamelContext.ROUTES_PROPERTY + "=" + NodeCamelContext.NAME)
public final class BlockProductionRoute extends RouteBuilder {
  public static final String ROUTE_ID = "block-production";

  @Reference
  NodeService node;

  @Override
  public void configure() {
    ProductionSettings production = node.production();
    if (production.mode() != ProductionSettings.Mode.INTERVAL || !node.isValidator()) {
      return;
    }
    long period = production.intervalMillis();
    from("timer:block-production?period=" + period + "&delay=" + period).routeId(ROUTE_ID)
        .bean(node, "buildScheduled")
        .filter(body().isNotNull())
        .to(ExchangePattern.InOut, BlockIngressRoute.ENDPOINT);
  }
}
