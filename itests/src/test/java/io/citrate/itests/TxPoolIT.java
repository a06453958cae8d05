package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
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
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.PoolState;
import io.citrate.txpool.api.RejectionReason;
import io.citrate.txpool.api.TransactionPool;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
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
 * The transaction pool in the real distribution, opened the way the node will open it: a {@link PoolState}
 * service with the head's values appears and the {@link TransactionPool} service follows. Transactions go in
 * through the service; the shell commands and the metrics show what it holds. Each test uses a sender of its
 * own, so the tests do not depend on their order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TxPoolIT extends CitrateTestSupport {
  private static final long CHAIN_ID = 1337;
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000aa");

  private TransactionPool pool;

  /** A head where every account has nonce 0 and 1,000 SALT, the base fee is 1 gwei and blocks take 30M gas. */
  private static final class FixedHead implements PoolState {
    @Override
    public long chainId() {
      return CHAIN_ID;
    }

    @Override
    public long nonce(Address account) {
      return 0;
    }

    @Override
    public Wei balance(Address account) {
      return Wei.ofSalt(1_000);
    }

    @Override
    public Wei baseFee() {
      return Wei.ofGwei(1);
    }

    @Override
    public long blockGasLimit() {
      return 30_000_000;
    }
  }

  /** Registers the head once per container, as the node bundle will, and waits for the pool. */
  @Before
  public void openPool() {
    if (bundleContext.getServiceReference(PoolState.class) == null) {
      assertNull(bundleContext.getServiceReference(TransactionPool.class));
      bundleContext.registerService(PoolState.class, new FixedHead(), new Hashtable<>());
    }
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

  private static KeyPair key(int index) {
    return KeyPair.of(PrivateKey.fromHex("0x" + String.format("%064x", 0x7000 + index)));
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

  private <S> Optional<S> service(Class<S> type, String filter) throws Exception {
    Collection<ServiceReference<S>> references = bundleContext.getServiceReferences(type, filter);
    return references.stream().findFirst().map(bundleContext::getService);
  }
}
