package io.citrate.node.internal.route;

import io.citrate.node.internal.NodeService;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@value #ROUTE_ID}: a transaction's EIP-2718 bytes, from the RPC or a peer, go to the pool; the reply is
 * the pool's {@code Admission}. Synchronous, since the sender is owed the verdict.
 */
public final class TransactionIngressRoute extends RouteBuilder {
  public static final String ROUTE_ID = "transaction-ingress";
  public static final String ENDPOINT = "direct:transactions";

  private final NodeService node;

  public TransactionIngressRoute(NodeService node) {
    this.node = node;
  }

  @Override
  public void configure() {
    from(ENDPOINT).routeId(ROUTE_ID)
        .bean(node, "admit");
  }
}
