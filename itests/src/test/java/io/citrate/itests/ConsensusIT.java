package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.Timer;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.node.api.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Consensus in the real distribution, opened the way the node opens it: the node bundle registers the devnet's
 * genesis and its execution stage, and the {@link Consensus} service follows. Valid blocks come from the node's
 * producer; malformed and forged ones go straight to consensus, which refuses them before anything executes.
 * The shell commands and the metrics service show what happened. Production is off in these containers, so
 * each test leaves the DAG with a single tip and the tests do not depend on their order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsensusIT extends CitrateTestSupport {
  private static final long CHAIN_ID = 1337;
  /** The devnet validator: account 0 of the development mnemonic. */
  private static final Address VALIDATOR = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  private static final KeyPair STRANGER = KeyPair.of(PrivateKey.fromHex("0x" + "43".repeat(32)));

  private Consensus consensus;
  private Node node;

  @Before
  public void openConsensus() throws Exception {
    consensus = await().atMost(Duration.ofSeconds(60)).until(() -> service(Consensus.class, null), Optional::isPresent)
        .orElseThrow();
    node = await().atMost(Duration.ofSeconds(60)).until(() -> service(Node.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void acceptsBlocksAndMovesTheSelectedChain() throws Exception {
    long height = consensus.selectedChainHeight();
    Hash genesis = consensus.genesis().header().hash();

    Hash first = node.produceBlock();
    Hash second = node.produceBlock();
    Hash third = node.produceBlock();

    assertEquals(third, consensus.sink());
    assertEquals(List.of(third), consensus.tips());
    assertEquals(List.of(third), consensus.children(second));
    assertEquals(height + 3, consensus.selectedChainHeight());
    assertEquals(Optional.of(first), consensus.selectedChainBlockAt(height + 1));
    assertEquals(Optional.of(third), consensus.selectedChainBlockAt(height + 3));
    GhostdagData data = consensus.ghostdagData(third).orElseThrow();
    assertEquals(second, data.selectedParent());
    assertTrue(consensus.isDagAncestorOf(genesis, third));
    assertEquals(CHAIN_ID, consensus.genesis().chainId());
  }

  @Test
  public void rejectsMalformedAndForgedBlocksChangingNothingAndKeepsAccepting() throws Exception {
    Hash sink = consensus.sink();
    List<Hash> tips = consensus.tips();
    long height = consensus.selectedChainHeight();
    byte[] encoded = forged(sink, 1).encode();

    for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xc0}, Arrays.copyOf(encoded, encoded.length - 1),
        "not a block".getBytes(StandardCharsets.US_ASCII))) {
      BlockOutcome outcome = single(consensus.submitEncoded(garbage));
      assertTrue(outcome.toString(), outcome instanceof BlockOutcome.Rejected rejected
          && rejected.violation() instanceof RuleViolation.Malformed);
      assertEquals(Optional.empty(), consensus.status(outcome.block()));
    }

    BlockHeader forged = forged(sink, 1);
    BlockOutcome outcome = single(consensus.submit(forged));
    assertTrue(outcome.toString(), outcome instanceof BlockOutcome.Rejected rejected
        && rejected.violation() instanceof RuleViolation.BadSignature);
    assertEquals(Optional.of(BlockStatus.INVALID), consensus.status(forged.hash()));
    assertTrue(consensus.rejectionReason(forged.hash()).orElseThrow().startsWith("producer signature"));
    assertEquals(Optional.empty(), consensus.header(forged.hash()));

    assertEquals(sink, consensus.sink());
    assertEquals(tips, consensus.tips());
    assertEquals(height, consensus.selectedChainHeight());
    node.produceBlock();
    assertEquals(height + 1, consensus.selectedChainHeight());
  }

  @Test
  public void commandsShowTheDag() throws Exception {
    Hash parent = consensus.sink();
    Hash block = node.produceBlock();
    // Two slots on, so it differs from the forged block of the rejection test, whatever the order.
    BlockHeader forged = forged(block, 2);
    consensus.submit(forged);
    long height = consensus.selectedChainHeight();

    String info = executeCommand("citrate:dag-info");
    assertContains(info, "Chain id             : " + CHAIN_ID);
    assertContains(info, "Genesis              : " + consensus.genesis().header().hash());
    assertContains(info, "GHOSTDAG k           : 18");
    assertContains(info, "Sink                 : " + block);
    assertContains(info, "Selected chain height: " + height);
    assertContains(info, "Tips                 : 1");

    String tips = executeCommand("citrate:dag-tips");
    assertTrue(tips, tips.lines().anyMatch(line -> line.contains("*") && line.contains(block.toString())));

    String shown = executeCommand("citrate:block-show " + block);
    assertContains(shown, "Status         : VALID");
    assertContains(shown, "Chain position : " + height);
    assertContains(shown, "Selected parent: " + parent);
    assertContains(shown, "Parents        : " + parent);
    assertContains(shown, "Producer       : " + VALIDATOR);

    String rejected = executeCommand("citrate:block-show " + forged.hash());
    assertContains(rejected, "Status         : INVALID");
    assertContains(rejected, "Reason         : producer signature does not verify");

    String newest = executeCommand("citrate:chain-list -n 2");
    List<String> rows = newest.lines().filter(line -> line.contains("0x")).toList();
    assertEquals(newest, 2, rows.size());
    assertTrue(newest, rows.get(0).contains(block.toString()) && rows.get(1).contains(parent.toString()));
    String oldest = executeCommand("citrate:chain-list --ascending --count 1");
    assertContains(oldest, consensus.genesis().header().hash().toString());

    assertCommandFails("citrate:block-show 0x1234", "not a block hash");
    assertCommandFails("citrate:chain-list --start " + (height + 1), "is not a position on the selected chain");
  }

  @Test
  public void metricsCountWhatConsensusDid() throws Exception {
    Map<String, Metric> metrics = service(MetricSet.class, "(citrate.metrics.prefix=citrate.consensus)")
        .orElseThrow().getMetrics();
    long accepted = count(metrics, "blocks.accepted");
    long rejected = count(metrics, "blocks.rejected");
    long malformed = count(metrics, "blocks.rejected.malformed");
    long duplicates = count(metrics, "blocks.duplicate");
    long submissions = ((Timer) metrics.get("processing")).getCount();

    Hash block = node.produceBlock();
    consensus.submit(consensus.header(block).orElseThrow());
    consensus.submitEncoded(new byte[] {1, 2, 3});

    metrics = service(MetricSet.class, "(citrate.metrics.prefix=citrate.consensus)").orElseThrow().getMetrics();
    assertEquals(accepted + 1, count(metrics, "blocks.accepted"));
    assertEquals(duplicates + 1, count(metrics, "blocks.duplicate"));
    assertEquals(rejected + 1, count(metrics, "blocks.rejected"));
    assertEquals(malformed + 1, count(metrics, "blocks.rejected.malformed"));
    assertEquals(submissions + 3, ((Timer) metrics.get("processing")).getCount());
    assertEquals(consensus.selectedChainHeight(), ((Gauge<?>) metrics.get("chain.height")).getValue());
    assertEquals(consensus.ghostdagData(block).orElseThrow().blueScore(),
        ((Gauge<?>) metrics.get("sink.blue.score")).getValue());
    assertEquals(1, ((Gauge<?>) metrics.get("tips")).getValue());
    assertEquals(0, ((Gauge<?>) metrics.get("orphans")).getValue());
  }

  /**
   * A header on {@code parent}, {@code slots} slots after it, claiming the devnet validator as producer but signed
   * by a stranger: consensus refuses it on the signature, before any other rule.
   */
  private BlockHeader forged(Hash parent, int slots) throws Exception {
    long timestamp = consensus.header(parent).orElseThrow().timestamp()
        + slots * consensus.genesis().proposers().slotDurationMillis();
    GhostdagData data = consensus.ghostdagFor(List.of(parent));
    return BlockHeader.builder()
        .parents(List.of(parent))
        .timestamp(timestamp)
        .blueScore(data.blueScore())
        .blueWork(data.blueWork())
        .gasLimit(30_000_000)
        .producer(VALIDATOR)
        .vrfProof(new byte[80])
        .build()
        .sign(STRANGER.privateKey());
  }

  private void assertCommandFails(String command, String expectedMessage) {
    try {
      String output = executeCommand(command);
      fail(command + " should fail, printed: " + output);
    } catch (Exception failure) {
      StringBuilder messages = new StringBuilder();
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        messages.append(cause.getMessage()).append('\n');
      }
      assertContains(messages.toString(), expectedMessage);
    }
  }

  private static void assertAccepted(List<BlockOutcome> outcomes) {
    BlockOutcome outcome = single(outcomes);
    assertTrue(outcome.toString(), outcome instanceof BlockOutcome.Accepted);
  }

  private static BlockOutcome single(List<BlockOutcome> outcomes) {
    assertEquals(outcomes.toString(), 1, outcomes.size());
    return outcomes.get(0);
  }

  private static long count(Map<String, Metric> metrics, String name) {
    Metric counter = metrics.get(name);
    return counter == null ? 0 : ((Counter) counter).getCount();
  }

  private static void assertContains(String text, String expected) {
    assertTrue("expected \"" + expected + "\" in:\n" + text, text.contains(expected));
  }
}
