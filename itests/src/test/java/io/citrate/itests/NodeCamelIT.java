package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.citrate.core.api.Hash;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** The node bundle owns Camel context citrate-node; operators see its routes; chain events reach listeners. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeCamelIT extends CitrateTestSupport {
  private static final ChainEvent BLOCK_1 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "01".repeat(32)));
  private static final ChainEvent BLOCK_2 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "02".repeat(32)));
  private static final ChainEvent BLOCK_3 = new ChainEvent.BlockCommitted(Hash.fromHex("0x" + "03".repeat(32)));
  private static final Duration BOOT = Duration.ofSeconds(60);
  private static final String CONTEXT_FILTER = "(camel.context.name=citrate-node)";

  @Test
  public void nodeBundleIsActive() {
    await().atMost(BOOT).untilAsserted(() -> {
      Optional<Bundle> node = Arrays.stream(bundleContext.getBundles())
          .filter(b -> "io.citrate.node".equals(b.getSymbolicName())).findFirst();
      assertTrue("io.citrate.node is installed", node.isPresent());
      assertEquals(Bundle.ACTIVE, node.get().getState());
    });
  }

  @Test
  public void contextListShowsTheNodeContextStarted() {
    await().atMost(BOOT).untilAsserted(() -> {
      String output = executeCommand("camel:context-list");
      String line = lineWith(output, "citrate-node");
      assertTrue(output, line.contains("Started"));
      assertTrue("Camel 4's version is shown: " + output, line.matches(".*\\b4\\.\\d+\\.\\d+\\b.*"));
    });
  }

  @Test
  public void routeListShowsChainEventsStarted() {
    await().atMost(BOOT).untilAsserted(() -> {
      String output = executeCommand("camel:route-list citrate-node");
      String line = lineWith(output, "chain-events");
      assertTrue(output, line.contains("citrate-node"));
      assertTrue(output, line.contains("Started"));
      assertTrue(output, line.contains("seda://chain-events"));
    });
  }

  @Test
  public void routeListRefusesAnUnknownContext() throws Exception {
    await().atMost(BOOT).until(() -> contextReference() != null);
    String output = executeCommandCatching("camel:route-list no-such-context");
    assertTrue(output, output.contains("no Camel context named no-such-context"));
  }

  @Test
  public void listenersReceiveChainEventsAndAFailingOneHarmsNoOther() throws Exception {
    List<ChainEvent> received = new CopyOnWriteArrayList<>();
    ChainEventListener failing = event -> {
      throw new IllegalStateException("this listener always fails");
    };
    ServiceRegistration<ChainEventListener> failingRegistration =
        bundleContext.registerService(ChainEventListener.class, failing, null);
    ServiceRegistration<ChainEventListener> registration =
        bundleContext.registerService(ChainEventListener.class, received::add, null);
    await().atMost(BOOT).until(() -> contextReference() != null);
    ServiceReference<CamelContext> reference = contextReference();
    CamelContext camel = bundleContext.getService(reference);
    assertNotNull(camel);
    ProducerTemplate template = camel.createProducerTemplate();
    try {
      template.sendBody("seda:chain-events", BLOCK_1);
      template.sendBody("seda:chain-events", BLOCK_2);
      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
      assertEquals(List.of(BLOCK_1, BLOCK_2), received);

      registration.unregister();
      registration = null;
      template.sendBody("seda:chain-events", BLOCK_3);
      String output = executeCommand("camel:route-list citrate-node");
      assertTrue(output, lineWith(output, "chain-events").contains("Started"));
      assertEquals(List.of(BLOCK_1, BLOCK_2), received);
    } finally {
      template.stop();
      bundleContext.ungetService(reference);
      failingRegistration.unregister();
      if (registration != null) {
        registration.unregister();
      }
    }
  }

  private ServiceReference<CamelContext> contextReference() throws Exception {
    Collection<ServiceReference<CamelContext>> references =
        bundleContext.getServiceReferences(CamelContext.class, CONTEXT_FILTER);
    return references.isEmpty() ? null : references.iterator().next();
  }

  private String executeCommandCatching(String command) {
    try {
      return executeCommand(command);
    } catch (Exception failure) {
      return String.valueOf(failure.getMessage());
    }
  }

  private static String lineWith(String output, String text) {
    return output.lines().filter(line -> line.contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + text + " in:\n" + output));
  }
}
