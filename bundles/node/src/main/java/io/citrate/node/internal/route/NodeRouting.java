package io.citrate.node.internal.route;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.node.api.Node;
import io.citrate.node.internal.NodeService;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.txpool.api.Admission;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts the node on its routes once the Camel context runs: adds {@link TransactionIngressRoute},
 * {@link BlockIngressRoute} and, in interval production, {@link BlockProductionRoute} to context
 * {@value NodeCamelContext#NAME}; connects the node to them (blocks it produces on request, transactions submitted
 * through it, and chain events for {@link ChainEventsRoute}'s bounded queue); and only then registers the
 * {@link Node} service, so a bundle that finds the node finds it able to take transactions and produce.
 */
@Component(immediate = true, service = {})
public final class NodeRouting {
  private final NodeService node;
  private final CamelContext camel;
  private final ProducerTemplate template;
  private final List<String> routeIds = new ArrayList<>();
  private final ServiceRegistration<Node> registration;

  @Activate
  public NodeRouting(BundleContext context, @Reference NodeService node, @Reference BlockImport importer,
      @Reference(target = "(camel.context.name=" + NodeCamelContext.NAME + ")") CamelContext camel) throws Exception {
    this.node = node;
    this.camel = camel;
    for (RouteBuilder routes : List.of(new TransactionIngressRoute(node), new BlockIngressRoute(importer, node),
        new BlockProductionRoute(node))) {
      camel.addRoutes(routes);
      routes.getRouteCollection().getRoutes().forEach(route -> routeIds.add(route.getRouteId()));
    }
    this.template = camel.createProducerTemplate();
    node.connect(
        arrival -> castOutcomes(template.requestBody(BlockIngressRoute.ENDPOINT, arrival)),
        encoded -> template.requestBody(TransactionIngressRoute.ENDPOINT, encoded, Admission.class),
        event -> template.sendBody(ChainEventsRoute.ENDPOINT, event));
    this.registration = context.registerService(Node.class, node, new Hashtable<>());
  }

  @Deactivate
  void deactivate() throws Exception {
    registration.unregister();
    node.disconnect();
    template.close();
    for (String routeId : routeIds) {
      camel.getRouteController().stopRoute(routeId);
      camel.removeRoute(routeId);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<BlockOutcome> castOutcomes(Object reply) {
    return (List<BlockOutcome>) reply;
  }
}
