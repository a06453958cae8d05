package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import io.citrate.node.api.Node;
import io.citrate.node.api.TransactionLocation;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The node in the real distribution on the built-in devnet: a transaction goes in through the node's transaction
 * ingress route, {@code citrate:block-produce} makes a block through block ingress, the block accepts it with a
 * receipt, listeners hear the head move, and bad transactions are refused with their reason while the node goes on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeIT extends CitrateTestSupport {
  /** Development account 5 of the devnet: funded at genesis. */
  private static final PrivateKey SENDER = PrivateKey.fromHex(
      "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000bb");

  private Node node;

  @Before
  public void openNode() throws Exception {
    node = await().atMost(Duration.ofSeconds(60)).until(() -> service(Node.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void aSubmittedTransferIsAcceptedByTheNextBlockAndListenersHearIt() throws Exception {
    List<ChainEvent> heard = new CopyOnWriteArrayList<>();
    ServiceRegistration<ChainEventListener> listener =
        bundleContext.registerService(ChainEventListener.class, heard::add, null);
    try {
      Transaction transfer = Transaction.builder(TransactionType.EIP1559).chainId(1337).nonce(0)
          .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(50)).gasLimit(21_000).to(RECIPIENT)
          .value(Wei.ofGwei(7)).sign(SENDER);
      Admission admission = node.submitTransaction(transfer.encoded());
      assertEquals(new Admission.Added(transfer.hash(), true), admission);

      String produced = executeCommand("citrate:block-produce");
      TransactionLocation location = node.transactionLocation(transfer.hash()).orElseThrow();
      assertTrue(produced, produced.contains(location.chainBlock().toString()));
      BlockAcceptance block = node.chainBlock(location.number()).orElseThrow();
      AcceptedTransaction accepted = block.transactions().get(location.index());
      assertEquals(transfer.hash(), accepted.transaction().hash());
      assertTrue(accepted.receipt().success());
      await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(event ->
          event instanceof ChainEvent.HeadChanged head && head.head().equals(location.chainBlock())));
    } finally {
      listener.unregister();
    }
  }

  @Test
  public void badTransactionsAreRefusedWithAReasonAndTheNodeGoesOn() throws Exception {
    long number = node.status().headNumber();
    Admission garbage = node.submitTransaction(new byte[] {0x02, 0x01});
    assertTrue(garbage.toString(), garbage instanceof Admission.Rejected rejected
        && rejected.reason() == RejectionReason.MALFORMED);
    Transaction otherChain = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.ofGwei(50)).gasLimit(21_000).to(RECIPIENT).sign(SENDER);
    Admission wrongChain = node.submitTransaction(otherChain.encoded());
    assertTrue(wrongChain.toString(), wrongChain instanceof Admission.Rejected rejected
        && rejected.reason() == RejectionReason.WRONG_CHAIN_ID);

    Hash block = node.produceBlock();
    assertEquals(number + 1, node.status().headNumber());
    assertEquals(block, node.status().head());
  }

  @Test
  public void operatorsSeeTheNodeItsRoutesAndItsMetrics() throws Exception {
    node.produceBlock();
    String status = executeCommand("citrate:node-status");
    assertTrue(status, status.contains("citrate-devnet (chain id 1337)"));
    assertTrue(status, status.contains("Head number    : " + node.status().headNumber()));
    assertTrue(status, status.contains("Validator      : 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertTrue(status, status.contains("Production     : off"));

    String routes = executeCommand("camel:route-list citrate-node");
    for (String route : List.of("transaction-ingress", "block-ingress", "chain-events")) {
      assertTrue(routes, routes.lines().anyMatch(line -> line.contains(route) && line.contains("Started")));
    }

    Map<String, Metric> metrics = service(MetricSet.class, "(citrate.metrics.prefix=citrate.node)").orElseThrow()
        .getMetrics();
    assertTrue(((Meter) metrics.get("blocks.chain")).getCount() >= 1);
    assertTrue(metrics.containsKey("txpool.size"));
    assertTrue(metrics.containsKey("block.time.millis"));
  }
}
