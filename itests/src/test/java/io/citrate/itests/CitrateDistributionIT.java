package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

import io.citrate.consensus.api.Consensus;
import io.citrate.node.api.Node;
import io.citrate.store.api.InvalidStoreInputException;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import io.citrate.txpool.api.TransactionPool;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The distribution boots feature citrate-node with no configuration, and every Citrate bundle runs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CitrateDistributionIT extends CitrateTestSupport {

  private static final List<String> CITRATE_BUNDLES = List.of("io.citrate.camel", "io.citrate.consensus",
      "io.citrate.core", "io.citrate.ipfs", "io.citrate.node", "io.citrate.rpc", "io.citrate.store",
      "io.citrate.tensor", "io.citrate.txpool", "io.citrate.vm");

  @Inject
  private FeaturesService featuresService;

  @Inject
  private KeyValueStore store;

  @Test
  public void bootsTheNodeFeature() throws Exception {
    assertTrue("citrate-node is installed",
        featuresService.isInstalled(featuresService.getFeature("citrate-node")));
  }

  @Test
  public void everyCitrateBundleIsActive() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<Bundle> citrate = Arrays.stream(bundleContext.getBundles())
          .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("io.citrate."))
          .collect(Collectors.toList());
      assertEquals(CITRATE_BUNDLES, citrate.stream().map(Bundle::getSymbolicName).sorted()
          .collect(Collectors.toList()));
      for (Bundle bundle : citrate) {
        assertEquals(bundle.getSymbolicName() + " is active", Bundle.ACTIVE, bundle.getState());
      }
    });
  }

  @Test
  public void noBundleIsLeftUnresolved() {
    List<String> unresolved = Arrays.stream(bundleContext.getBundles())
        .filter(b -> b.getState() == Bundle.INSTALLED)
        .map(b -> b.getSymbolicName() + " " + b.getVersion())
        .collect(Collectors.toList());
    assertTrue("unresolved bundles: " + unresolved, unresolved.isEmpty());
  }

  @Test
  public void storeIsRegisteredUnderTheNodeDataDirectory() {
    String location = store.statistics().location();
    assertTrue(location, location.startsWith(System.getProperty("karaf.data")));
  }

  @Test
  public void storeCommitsAndReadsBack() {
    StoreName name = StoreName.of("itest");
    byte[] key = "key".getBytes(StandardCharsets.UTF_8);
    byte[] value = "value".getBytes(StandardCharsets.UTF_8);
    store.commit(new WriteBatch().put(name, key, value));
    assertArrayEquals(value, store.get(name, key).orElseThrow());
  }

  @Test
  public void storeRejectsBadInputAndKeepsRunning() {
    StoreName name = StoreName.of("itest-bad-input");
    try {
      store.commit(new WriteBatch().put(name, new byte[0], new byte[] {1}));
      fail("an empty key must be refused");
    } catch (InvalidStoreInputException expected) {
      assertTrue(expected.getMessage(), !expected.getMessage().isBlank());
    }
    assertEquals(0, store.count(name));
    store.commit(new WriteBatch().put(name, new byte[] {1}, new byte[] {2}));
    assertEquals(1, store.count(name));
  }

  @Test
  public void storeCommandsAnswer() throws Exception {
    String info = executeCommand("citrate:store-info");
    assertTrue(info, info.contains(System.getProperty("karaf.data")));
    String compact = executeCommand("citrate:store-compact");
    assertTrue(compact, !compact.isBlank());
  }

  @Test
  public void theNodeOpensConsensusAndThePoolWithEveryBundlesSettings() {
    for (String settings : List.of("io.citrate.consensus.cfg", "io.citrate.txpool.cfg", "io.citrate.node.cfg")) {
      assertTrue(settings, new File(System.getProperty("karaf.etc"), settings).isFile());
    }
    // The node registers the devnet genesis, its execution stage and the head: consensus and the pool open.
    await().atMost(Duration.ofSeconds(60)).until(() -> bundleContext.getServiceReference(Consensus.class) != null
        && bundleContext.getServiceReference(TransactionPool.class) != null
        && bundleContext.getServiceReference(Node.class) != null);
  }

  @Test
  public void shellAnswers() throws Exception {
    String output = executeCommand("feature:list -i");
    assertTrue(output, output.contains("citrate-node"));
  }
}
