package io.citrate.node.internal.route;

import io.citrate.node.internal.NodeService;
import io.citrate.node.internal.production.BlockImport;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@value #ROUTE_ID}: a produced or received block goes through validation, consensus, execution and commit
 * ({@link BlockImport}), then the node acts on the commit (head, pool, events). One consumer takes blocks from a
 * bounded queue, so commits are acted on in the order they happened; senders wait for the outcomes.
 */
public final class BlockIngressRoute extends RouteBuilder {
  public static final String ROUTE_ID = "block-ingress";
  /** Where blocks are sent, request-reply: the reply is the list of outcomes. */
  public static final String ENDPOINT = "seda:blocks";
  static final int QUEUE_SIZE = 256;

  private final BlockImport importer;
  private final NodeService node;

  public BlockIngressRoute(BlockImport importer, NodeService node) {
    this.importer = importer;
    this.node = node;
  }

  @Override
  public void configure() {
    from(ENDPOINT + "?size=" + QUEUE_SIZE + "&concurrentConsumers=1").routeId(ROUTE_ID)
        .bean(importer, "importBlock")
        .bean(node, "committed");
  }
}
