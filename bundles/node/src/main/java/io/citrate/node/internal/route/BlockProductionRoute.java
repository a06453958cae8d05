package io.citrate.node.internal.route;

import io.citrate.node.internal.NodeService;
import io.citrate.node.internal.ProductionSettings;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@value #ROUTE_ID}, in interval production only: every interval the validator builds a block if it wins
 * the slot and sends it to {@link BlockIngressRoute}, waiting for the commit so the next block builds on it.
 */
public final class BlockProductionRoute extends RouteBuilder {
  public static final String ROUTE_ID = "block-production";

  private final NodeService node;

  public BlockProductionRoute(NodeService node) {
    this.node = node;
  }

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
