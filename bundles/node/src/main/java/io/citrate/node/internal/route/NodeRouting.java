package io.citrate.node.internal.route;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.node.internal.NodeService;
import io.citrate.txpool.api.Admission;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Connects the node to its routes once the Camel context runs: blocks the node produces on request go to
 * {@link BlockIngressRoute}, transactions submitted through the node go to {@link TransactionIngressRoute}, and
 * chain events go to {@link ChainEventsRoute}'s bounded queue (the node drops and counts an event the queue has no
 * room for, rather than stall the commit path).
 */
@Component(immediate = true, service = {})
public final class NodeRouting {
  private final NodeService node;
  private final ProducerTemplate template;

  @Activate
  public NodeRouting(@Reference NodeService node,
      @Reference(target = "(camel.context.name=" + NodeCamelContext.NAME + ")") CamelContext camel) {
    this.node = node;
    this.template = camel.createProducerTemplate();
    node.connect(
        arrival -> castOutcomes(template.requestBody(BlockIngressRoute.ENDPOINT, arrival)),
        encoded -> template.requestBody(TransactionIngressRoute.ENDPOINT, encoded, Admission.class),
        event -> template.sendBody(ChainEventsRoute.ENDPOINT, event));
  }

  @Deactivate
  void deactivate() throws Exception {
    node.disconnect();
    template.close();
  }

  @SuppressWarnings("unchecked")
  private static List<BlockOutcome> castOutcomes(Object reply) {
    return (List<BlockOutcome>) reply;
  }
}
