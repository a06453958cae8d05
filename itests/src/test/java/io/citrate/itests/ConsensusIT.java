package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.SlotTicket;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfKeyPair;
import io.citrate.core.api.vrf.VrfPrivateKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * Consensus in the real distribution, opened the way the node will open it: a devnet
 * {@link ConsensusGenesis} service appears and the {@link Consensus} service follows. Blocks go in through
 * the service; the shell commands and the metrics service show what happened. Each test leaves the DAG
 * with a single tip, so the tests do not depend on their order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsensusIT extends CitrateTestSupport {
  private static final long CHAIN_ID = 1337;
  private static final long GENESIS_TIME = 1_700_000_000_000L;
  private static final long SLOT_MILLIS = ProposerParameters.DEFAULT.slotDurationMillis();
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "42".repeat(32)));
  private static final KeyPair STRANGER = KeyPair.of(PrivateKey.fromHex("0x" + "43".repeat(32)));
  private static final VrfKeyPair PRODUCER_VRF = VrfKeyPair.of(VrfPrivateKey.fromHex("0x" + "24".repeat(32)));
  private static final BlockHeader GENESIS_HEADER =
      BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build();
  private static final Hash GENESIS = GENESIS_HEADER.hash();

  private Consensus consensus;

  /**
   * Registers the devnet genesis and an execution stage once per container, as the node bundle will, and
   * waits for consensus.
   */
  @Before
  public void openConsensus() {
    if (bundleContext.getServiceReference(ConsensusGenesis.class) == null) {
      StakeDistribution validators = StakeDistribution.of(List.of(
          new Validator(PRODUCER.address(), PRODUCER_VRF.publicKey(), Wei.of(1_000_000))));
      ConsensusGenesis devnet = new ConsensusGenesis(CHAIN_ID, ConsensusParameters.DEFAULT,
          ProposerParameters.DEFAULT, GENESIS_HEADER, validators);
      bundleContext.registerService(ConsensusGenesis.class, devnet, new Hashtable<>());
      // These headers carry no transactions: consensus alone, with nothing to execute.
      ExecutionStage dagOnly = (block, committed, batch) -> { };
      bundleContext.registerService(ExecutionStage.class, dagOnly, new Hashtable<>());
    }
    consensus = await().atMost(Duration.ofSeconds(60)).until(() -> service(Consensus.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void acceptsBlocksAndMovesTheSelectedChain() throws Exception {
    Hash start = consensus.sink();
    long height = consensus.selectedChainHeight();

    BlockHeader first = block(List.of(start), 1);
    assertAccepted(consensus.submit(first));
    BlockHeader left = block(List.of(first.hash()), 1);
    BlockHeader right = block(List.of(first.hash()), 2);
    assertAccepted(consensus.submit(left));
    assertAccepted(consensus.submit(right));
    List<Hash> parallel = sorted(left.hash(), right.hash());
    assertEquals(parallel, consensus.tips());
    assertEquals(parallel, consensus.children(first.hash()));

    BlockHeader merge = block(parallel, 1);
    assertAccepted(consensus.submit(merge));

    assertEquals(merge.hash(), consensus.sink());
    assertEquals(List.of(merge.hash()), consensus.tips());
    assertEquals(height + 3, consensus.selectedChainHeight());
    assertEquals(Optional.of(merge.hash()), consensus.selectedChainBlockAt(height + 3));
    assertEquals(Optional.of(first.hash()), consensus.selectedChainBlockAt(height + 1));
    GhostdagData mergeData = consensus.ghostdagData(merge.hash()).orElseThrow();
    assertTrue(mergeData.mergesetBlues().containsAll(parallel));
    assertTrue(consensus.isDagAncestorOf(GENESIS, merge.hash()));
    assertFalse(consensus.isDagAncestorOf(left.hash(), right.hash()));
  }

  @Test
  public void rejectsMalformedAndForgedBlocksChangingNothingAndKeepsAccepting() throws Exception {
    Hash sink = consensus.sink();
    List<Hash> tips = consensus.tips();
    long height = consensus.selectedChainHeight();
    byte[] encoded = block(List.of(sink), 1).encode();

    for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xc0}, Arrays.copyOf(encoded, encoded.length - 1),
        "not a block".getBytes(StandardCharsets.US_ASCII))) {
      BlockOutcome outcome = single(consensus.submitEncoded(garbage));
      assertTrue(outcome.toString(), outcome instanceof BlockOutcome.Rejected rejected
          && rejected.violation() instanceof RuleViolation.Malformed);
      assertEquals(Optional.empty(), consensus.status(outcome.block()));
    }

    BlockHeader forged = block(List.of(sink), 1).sign(STRANGER.privateKey());
    BlockOutcome outcome = single(consensus.submit(forged));
    assertTrue(outcome.toString(), outcome instanceof BlockOutcome.Rejected rejected
        && rejected.violation() instanceof RuleViolation.BadSignature);
    assertEquals(Optional.of(BlockStatus.INVALID), consensus.status(forged.hash()));
    assertTrue(consensus.rejectionReason(forged.hash()).orElseThrow().startsWith("producer signature"));
    assertEquals(Optional.empty(), consensus.header(forged.hash()));

    assertEquals(sink, consensus.sink());
    assertEquals(tips, consensus.tips());
    assertEquals(height, consensus.selectedChainHeight());
    assertAccepted(consensus.submitEncoded(encoded));
    assertEquals(height + 1, consensus.selectedChainHeight());
  }

  @Test
  public void commandsShowTheDag() throws Exception {
    Hash parent = consensus.sink();
    BlockHeader block = block(List.of(parent), 1);
    assertAccepted(consensus.submit(block));
    // Two slots on, so it differs from the forged block of the rejection test, whatever the order.
    BlockHeader forged = block(List.of(block.hash()), 2).sign(STRANGER.privateKey());
    consensus.submit(forged);
    long height = consensus.selectedChainHeight();

    String info = executeCommand("citrate:dag-info");
    assertContains(info, "Chain id             : " + CHAIN_ID);
    assertContains(info, "Genesis              : " + GENESIS);
    assertContains(info, "GHOSTDAG k           : 18");
    assertContains(info, "Sink                 : " + block.hash());
    assertContains(info, "Selected chain height: " + height);
    assertContains(info, "Tips                 : 1");

    String tips = executeCommand("citrate:dag-tips");
    assertTrue(tips, tips.lines().anyMatch(line -> line.contains("*") && line.contains(block.hash().toString())));

    String shown = executeCommand("citrate:block-show " + block.hash());
    assertContains(shown, "Status         : VALID");
    assertContains(shown, "Chain position : " + height);
    assertContains(shown, "Selected parent: " + parent);
    assertContains(shown, "Parents        : " + parent);
    assertContains(shown, "Producer       : " + PRODUCER.address());

    String rejected = executeCommand("citrate:block-show " + forged.hash());
    assertContains(rejected, "Status         : INVALID");
    assertContains(rejected, "Reason         : producer signature does not verify");

    String newest = executeCommand("citrate:chain-list -n 2");
    List<String> rows = newest.lines().filter(line -> line.contains("0x")).toList();
    assertEquals(newest, 2, rows.size());
    assertTrue(newest, rows.get(0).contains(block.hash().toString()) && rows.get(1).contains(parent.toString()));
    String oldest = executeCommand("citrate:chain-list --ascending --count 1");
    assertContains(oldest, GENESIS.toString());

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

    BlockHeader block = block(List.of(consensus.sink()), 1);
    assertAccepted(consensus.submit(block));
    consensus.submit(block);
    consensus.submitEncoded(new byte[] {1, 2, 3});

    metrics = service(MetricSet.class, "(citrate.metrics.prefix=citrate.consensus)").orElseThrow().getMetrics();
    assertEquals(accepted + 1, count(metrics, "blocks.accepted"));
    assertEquals(duplicates + 1, count(metrics, "blocks.duplicate"));
    assertEquals(rejected + 1, count(metrics, "blocks.rejected"));
    assertEquals(malformed + 1, count(metrics, "blocks.rejected.malformed"));
    assertEquals(submissions + 3, ((Timer) metrics.get("processing")).getCount());
    assertEquals(consensus.selectedChainHeight(), ((Gauge<?>) metrics.get("chain.height")).getValue());
    assertEquals(consensus.ghostdagData(block.hash()).orElseThrow().blueScore(),
        ((Gauge<?>) metrics.get("sink.blue.score")).getValue());
    assertEquals(1, ((Gauge<?>) metrics.get("tips")).getValue());
    assertEquals(0, ((Gauge<?>) metrics.get("orphans")).getValue());
  }

  /**
   * Every block of this class is made here: on {@code parents}, {@code slots} slots after the newest of them,
   * with the GHOSTDAG data consensus gives it, its slot's VRF proof and the producer's signature.
   */
  private BlockHeader block(List<Hash> parents, int slots) throws Exception {
    long newestParent = parents.stream().mapToLong(parent -> consensus.header(parent).orElseThrow().timestamp())
        .max().orElseThrow();
    long timestamp = newestParent + slots * SLOT_MILLIS;
    GhostdagData data = consensus.ghostdagFor(parents);
    return BlockHeader.builder()
        .parents(parents)
        .timestamp(timestamp)
        .blueScore(data.blueScore())
        .blueWork(data.blueWork())
        .gasLimit(30_000_000)
        .producer(PRODUCER.address())
        .vrfProof(slotProof(parents, timestamp))
        .build()
        .sign(PRODUCER.privateKey());
  }

  /** The producer's VRF proof for the slot of {@code timestamp} on the chain through the parents' selected one. */
  private byte[] slotProof(List<Hash> parents, long timestamp) throws Exception {
    Hash selectedParent = consensus.ghostdagFor(parents).selectedParent();
    SlotTicket ticket = consensus.slotInput(selectedParent, timestamp).prove(PRODUCER_VRF.privateKey());
    assertEquals(Optional.empty(), consensus.proposerVerdict(PRODUCER.address(), selectedParent, ticket));
    return ticket.proof().toBytes();
  }

  private <S> Optional<S> service(Class<S> type, String filter) throws Exception {
    Collection<ServiceReference<S>> references = bundleContext.getServiceReferences(type, filter);
    return references.stream().findFirst().map(bundleContext::getService);
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

  private static List<Hash> sorted(Hash first, Hash second) {
    return first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
  }
}
