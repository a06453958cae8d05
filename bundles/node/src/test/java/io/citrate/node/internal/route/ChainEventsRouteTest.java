package io.citrate.node.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Hash;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain-events route alone: its input replaced by a direct endpoint, a mock after the fan-out. */
class ChainEventsRouteTest extends CamelTestSupport {
  private static final ChainEvent BLOCK_1 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "01".repeat(32)));
  private static final ChainEvent BLOCK_2 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "02".repeat(32)));
  private static final ChainEvent BLOCK_3 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "03".repeat(32)));
  private static final String INPUT = "direct:chain-events";

  private final ChainEventsRoute route = new ChainEventsRoute();
  private final List<ChainEvent> first = new CopyOnWriteArrayList<>();
  private final List<ChainEvent> second = new CopyOnWriteArrayList<>();
  private final ChainEventListener firstListener = first::add;
  private final ChainEventListener secondListener = second::add;

  @Override
  public void configureTest(TestExecutionConfiguration configuration) {
    super.configureTest(configuration);
    configuration.withUseAdviceWith(true);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return route;
  }

  @BeforeEach
  void replaceInputAndObserveOutput() throws Exception {
    AdviceWith.adviceWith(context, ChainEventsRoute.ROUTE_ID, advice -> {
      advice.replaceFromWith(INPUT);
      advice.weaveAddLast().to("mock:delivered");
    });
    context.start();
  }

  @Test
  void everyListenerGetsEveryEventInOrder() throws Exception {
    route.addListener(firstListener);
    route.addListener(secondListener);
    MockEndpoint delivered = getMockEndpoint("mock:delivered");
    delivered.expectedBodiesReceived(BLOCK_1, BLOCK_2);

    template.sendBody(INPUT, BLOCK_1);
    template.sendBody(INPUT, BLOCK_2);

    delivered.assertIsSatisfied();
    assertThat(first).containsExactly(BLOCK_1, BLOCK_2);
    assertThat(second).containsExactly(BLOCK_1, BLOCK_2);
  }

  @Test
  void aThrowingListenerDoesNotStopDeliveryToTheOthers() throws Exception {
    route.addListener(event -> {
      throw new IllegalStateException("listener broken");
    });
    route.addListener(firstListener);
    MockEndpoint delivered = getMockEndpoint("mock:delivered");
    delivered.expectedBodiesReceived(BLOCK_1, BLOCK_2);

    template.sendBody(INPUT, BLOCK_1);
    template.sendBody(INPUT, BLOCK_2);

    delivered.assertIsSatisfied();
    assertThat(first).containsExactly(BLOCK_1, BLOCK_2);
    assertThat(delivered.getExchanges()).noneMatch(exchange -> exchange.isFailed());
  }

  @Test
  void aRemovedListenerGetsNothingMore() throws Exception {
    route.addListener(firstListener);
    route.addListener(secondListener);
    template.sendBody(INPUT, BLOCK_1);
    route.removeListener(secondListener);
    template.sendBody(INPUT, BLOCK_2);

    assertThat(first).containsExactly(BLOCK_1, BLOCK_2);
    assertThat(second).containsExactly(BLOCK_1);
  }

  @Test
  void withNoListenerEventsAreConsumed() throws Exception {
    MockEndpoint delivered = getMockEndpoint("mock:delivered");
    delivered.expectedMessageCount(1);
    template.sendBody(INPUT, BLOCK_1);
    delivered.assertIsSatisfied();
  }

  @Test
  void theQueueIsBoundedAndRefusesRatherThanBlocks() {
    SedaEndpoint queue = context.getEndpoint(ChainEventsRoute.FROM, SedaEndpoint.class);
    assertThat(queue.getSize()).isEqualTo(1024);
    assertThat(queue.isBlockWhenFull()).isFalse();
    assertThat(context.getRouteDefinition(ChainEventsRoute.ROUTE_ID).hasCustomIdAssigned()).isTrue();
  }
}
