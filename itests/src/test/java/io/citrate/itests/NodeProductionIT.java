package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.citrate.node.api.Node;
import java.time.Duration;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The devnet as {@code ./devnet.sh} runs it: the node produces blocks on its own, on a timer route. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeProductionIT extends CitrateTestSupport {

  @Override
  protected Option[] extraOptions() {
    return new Option[] {
        editConfigurationFilePut("etc/io.citrate.node.cfg", "production.mode", "interval"),
        editConfigurationFilePut("etc/io.citrate.node.cfg", "production.interval.millis", "200")};
  }

  @Test
  public void theNodeProducesBlocksOnItsOwn() throws Exception {
    Node node = await().atMost(Duration.ofSeconds(60)).until(() -> service(Node.class, null), Optional::isPresent)
        .orElseThrow();
    long start = node.status().headNumber();
    await().atMost(Duration.ofSeconds(30)).until(() -> node.status().headNumber() >= start + 5);
    String routes = executeCommand("camel:route-list citrate-node");
    assertTrue(routes, routes.lines().anyMatch(line -> line.contains("block-production") && line.contains("Started")));
    String status = executeCommand("citrate:node-status");
    assertTrue(status, status.contains("Production     : a block every 200 ms"));
  }
}
