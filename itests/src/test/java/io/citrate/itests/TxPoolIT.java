package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.Node;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.RejectionReason;
import io.citrate.txpool.api.TransactionPool;
import java.time.Duration;
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
 * The transaction pool in the real distribution, opened by the node: the node bundle's view of the devnet head
 * appears and the {@link TransactionPool} service follows. Transactions go in
 * through the service; the shell commands and the metrics show what it holds. Each test uses a sender of its
 * own, so the tests do not depend on their order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TxPoolIT extends CitrateTestSupport {
  private static final long CHAIN_ID = 1337;
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000aa");

  private TransactionPool pool;

  /** The node's pool, checking transactions against the devnet head the node bundle provides. */
  @Before
  public void openPool() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> service(Node.class, null), Optional::isPresent);
    pool = await().atMost(Duration.ofSeconds(60)).until(() -> service(TransactionPool.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void takesAValidTransactionAsPending() {
    Transaction transaction = transfer(key(1), 0, 1);
    Admission admission = pool.add(transaction);
    assertEquals(new Admission.Added(transaction.hash(), true), admission);
    assertTrue(pool.contains(transaction.hash()));
    assertTrue(pool.pending().contains(transaction));
    assertEquals(1, pool.nextNonce(key(1).address()));
    assertTrue(pool.selectForBlock(30_000_000, 100).contains(transaction));
  }

  @Test
  public void rejectsBadTransactionsWithAReasonAndChangesNothing() {
    int size = pool.status().size();
    Transaction otherChain = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.ofGwei(2)).gasLimit(21_000).to(RECIPIENT)
        .sign(key(2).privateKey());
    assertRejected(pool.add(otherChain), RejectionReason.WRONG_CHAIN_ID);
    assertRejected(pool.addEncoded(new byte[] {(byte) 0x80}), RejectionReason.MALFORMED);
    Transaction gapped = transfer(key(2), 100, 1);
    assertRejected(pool.add(gapped), RejectionReason.NONCE_TOO_HIGH);
    assertEquals(size, pool.status().size());
    assertFalse(pool.contains(otherChain.hash()));
  }

  @Test
  public void commandsListThePool() throws Exception {
    Transaction pending = transfer(key(3), 0, 2);
    Transaction queued = transfer(key(3), 2, 2);
    assertTrue(pool.add(pending).isAccepted());
    assertEquals(new Admission.Added(queued.hash(), false), pool.add(queued));

    String list = executeCommand("citrate:txpool-list --sender " + key(3).address().toHex());
    assertTrue(list, list.contains(pending.hash().toString()));
    assertTrue(list, list.contains(queued.hash().toString()));
    assertTrue(list, list.contains("pending") && list.contains("queued"));
    String limited = executeCommand("citrate:txpool-list -n 1 -s " + key(3).address().toHex());
    assertTrue(limited, limited.contains("1 more not shown"));
    String status = executeCommand("citrate:txpool-status");
    assertTrue(status, status.contains("Queued : " + pool.status().queued()));
  }

  @Test
  public void metricsCountWhatThePoolDid() throws Exception {
    Map<String, Metric> metrics = service(MetricSet.class, "(citrate.metrics.prefix=citrate.txpool)")
        .orElseThrow().getMetrics();
    long added = ((Counter) metrics.get("added")).getCount();
    long malformed = ((Counter) metrics.get("rejected.malformed")).getCount();
    pool.add(transfer(key(4), 0, 1));
    pool.addEncoded(new byte[] {1, 2, 3});
    assertEquals(added + 1, ((Counter) metrics.get("added")).getCount());
    assertEquals(malformed + 1, ((Counter) metrics.get("rejected.malformed")).getCount());
    assertEquals(pool.status().pending(), ((Gauge<?>) metrics.get("pending")).getValue());
  }

  /** Funded development accounts 1 to 4 of the devnet (m/44'/60'/0'/0/i of the development mnemonic). */
  private static final List<String> DEVELOPMENT_KEYS = List.of(
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
      "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
      "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
      "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");

  private static KeyPair key(int index) {
    return KeyPair.of(PrivateKey.fromHex(DEVELOPMENT_KEYS.get(index - 1)));
  }

  private static Transaction transfer(KeyPair key, long nonce, long tipGwei) {
    return Transaction.builder(TransactionType.EIP1559).chainId(CHAIN_ID).nonce(nonce)
        .maxPriorityFeePerGas(Wei.ofGwei(tipGwei)).maxFeePerGas(Wei.ofGwei(tipGwei + 10)).gasLimit(21_000)
        .to(RECIPIENT).value(Wei.ONE).sign(key.privateKey());
  }

  private static void assertRejected(Admission admission, RejectionReason reason) {
    assertTrue(admission.toString(), admission instanceof Admission.Rejected rejected && rejected.reason() == reason
        && rejected.message().startsWith(reason.description()));
  }
}
