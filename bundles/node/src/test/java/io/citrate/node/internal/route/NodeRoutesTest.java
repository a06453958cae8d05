package io.citrate.node.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The node's routes together on a real devnet: transactions enter through transaction ingress, the production
 * timer builds blocks that go through block ingress, and commits come out as chain events.
 */
class NodeRoutesTest extends CamelTestSupport {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.INTERVAL, 50);
  private final List<ChainEvent> events = new CopyOnWriteArrayList<>();

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    TransactionIngressRoute transactions = new TransactionIngressRoute(devnet.node());
    BlockIngressRoute blocks = new BlockIngressRoute(devnet.importer(), devnet.node());
    BlockProductionRoute production = new BlockProductionRoute(devnet.node());
    RouteBuilder eventsOut = new RouteBuilder() {
      @Override
      public void configure() {
        from(ChainEventsRoute.ENDPOINT).routeId("test-events").process(exchange ->
            events.add(exchange.getMessage().getBody(ChainEvent.class)));
      }
    };
    return new RoutesBuilder[] {transactions, blocks, production, eventsOut};
  }

  @Override
  protected void doPostSetup() {
    devnet.node().connect(
        arrival -> castOutcomes(template.requestBody(BlockIngressRoute.ENDPOINT, arrival)),
        encoded -> template.requestBody(TransactionIngressRoute.ENDPOINT, encoded, Admission.class),
        event -> template.sendBody(ChainEventsRoute.ENDPOINT, event));
  }

  @Test
  void aSubmittedTransactionIsProducedIntoABlockAndAnnounced() {
    Transaction transfer = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ofGwei(1), 1);
    Admission admission = devnet.node().submitTransaction(transfer.encoded());
    assertThat(admission).isInstanceOf(Admission.Added.class);

    await().atMost(Duration.ofSeconds(20)).until(() -> devnet.node().transactionLocation(transfer.hash()).isPresent());
    long number = devnet.node().transactionLocation(transfer.hash()).orElseThrow().number();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events)
        .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(ChainEvent.HeadChanged.class,
            head -> assertThat(head.headNumber()).isGreaterThanOrEqualTo(number))));
    assertThat(context.getRoute(BlockProductionRoute.ROUTE_ID)).isNotNull();
  }

  @Test
  void aMalformedTransactionIsRefusedWithItsReasonAndProductionGoesOn() {
    Admission admission = devnet.node().submitTransaction(new byte[] {0x02, (byte) 0xc0});
    assertThat(admission).isInstanceOfSatisfying(Admission.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED));
    long before = devnet.node().status().headNumber();
    await().atMost(Duration.ofSeconds(20)).until(() -> devnet.node().status().headNumber() > before + 2);
  }

  @Test
  void blocksProducedOnRequestGoThroughTheSameIngress() {
    long before = devnet.node().status().headNumber();
    devnet.node().produceBlock();
    assertThat(devnet.node().status().headNumber()).isGreaterThan(before);
  }

  @SuppressWarnings("unchecked")
  private static List<BlockOutcome> castOutcomes(Object reply) {
    return (List<BlockOutcome>) reply;
  }
}
