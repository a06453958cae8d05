package io.citrate.txpool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.RejectionReason;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Floods and concurrent callers: the pool stays within its bounds and consistent. */
class TransactionPoolFloodTest {
  /**
   * 50,000 signed transactions take about 9 s on two cores, mostly signing; pass
   * {@code -Dtxpool.flood.transactions=200000} to surefire for a longer flood.
   */
  private static final int FLOOD = Integer.getInteger("txpool.flood.transactions", 50_000);
  private static final int SENDERS = 5_000;
  private static final int BATCH = 10_000;

  private final TestPoolState state = new TestPoolState();

  @Test
  void aFloodBeyondTheLimitsIsAbsorbedByEviction() {
    PoolSettings settings = PoolSettings.DEFAULT.withCapacity(1_024, 256 * 1024).withSenderCapacity(16, 64);
    MetricRegistry metrics = new MetricRegistry();
    TransactionPoolService pool = new TransactionPoolService(state, settings, metrics);
    List<KeyPair> keys = IntStream.range(0, SENDERS).parallel().mapToObj(Transactions::key).collect(Collectors.toList());
    Map<RejectionReason, Integer> rejections = new EnumMap<>(RejectionReason.class);
    long heapBefore = heapAfterCollection();
    int accepted = 0;
    for (int start = 0; start < FLOOD; start += BATCH) {
      // Signed a batch at a time, so the test itself holds no more than one batch.
      int first = start;
      List<Transaction> batch = IntStream.range(first, Math.min(FLOOD, first + BATCH)).parallel()
          .mapToObj(i -> flooding(keys, i)).collect(Collectors.toList());
      for (Transaction transaction : batch) {
        Admission admission = pool.add(transaction);
        if (admission instanceof Admission.Rejected rejected) {
          rejections.merge(rejected.reason(), 1, Integer::sum);
        } else {
          accepted++;
        }
      }
      assertThat(pool.status().size()).isLessThanOrEqualTo(settings.capacity());
      assertThat(pool.status().bytes()).isLessThanOrEqualTo(settings.maxBytes());
      assertThat(pool.senderCount()).isLessThanOrEqualTo(settings.capacity());
    }
    // Only what the pool holds stays reachable: about 1,000 transactions at a few KB each, far below what
    // the flood would take if anything kept evicted or rejected transactions (over 50 MB at 50,000).
    long retained = heapAfterCollection() - heapBefore;
    assertThat(retained).as("heap retained after the flood").isLessThan(24L * 1024 * 1024);
    PoolInvariants.check(pool, state);
    // The count binds here (1,024 transfers take about 116 KB); the byte budget has a test of its own.
    assertThat(pool.status().size()).isEqualTo(settings.capacity());
    assertThat(rejections.keySet()).contains(RejectionReason.UNDERPRICED).isSubsetOf(RejectionReason.UNDERPRICED,
        RejectionReason.NONCE_TOO_HIGH, RejectionReason.SENDER_LIMIT);
    assertThat(metrics.counter("evicted").getCount()).isPositive();
    assertThat(accepted - metrics.counter("evicted").getCount()).isEqualTo(pool.status().size());
    assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).hasSize(100);
  }

  private static long heapAfterCollection() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Sender i % SENDERS, nonces mostly in order with some gaps, tips spread over 0 to 99 gwei. */
  private static Transaction flooding(List<KeyPair> keys, int i) {
    SplittableRandom random = new SplittableRandom(i);
    long nonce = i / SENDERS + (random.nextInt(10) == 0 ? random.nextInt(80) : 0);
    long tip = random.nextInt(100);
    return Transactions.eip1559(keys.get(i % SENDERS), nonce, tip, tip + 1 + random.nextInt(50));
  }

  @Test
  void concurrentSubmissionsHeadChangesAndSelectionsKeepThePoolConsistent() throws Exception {
    PoolSettings settings = PoolSettings.DEFAULT.withCapacity(600, PoolSettings.DEFAULT_MAX_BYTES);
    TransactionPoolService pool = new TransactionPoolService(state, settings, new MetricRegistry());
    int threads = 4;
    int perThread = 400;
    // Each thread has senders of its own and shares the last two with every other thread.
    List<List<Transaction>> work = IntStream.range(0, threads).parallel().mapToObj(t -> {
      List<Transaction> transactions = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(t);
      for (int i = 0; i < perThread; i++) {
        int sender = i % 10 < 8 ? t * 10 + i % 8 : 100 + i % 2;
        long tip = random.nextInt(20);
        transactions.add(Transactions.eip1559(Transactions.key(sender), i / 10 + random.nextInt(2), tip, tip + 5));
      }
      return transactions;
    }).collect(Collectors.toList());

    ExecutorService executor = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean adding = new AtomicBoolean(true);
    List<Future<Integer>> submitters = new ArrayList<>();
    for (List<Transaction> transactions : work) {
      submitters.add(executor.submit(() -> {
        start.await();
        int accepted = 0;
        for (Transaction transaction : transactions) {
          Admission admission = pool.add(transaction);
          assertThat(admission.hash()).isEqualTo(transaction.hash());
          if (admission.isAccepted()) {
            accepted++;
          }
        }
        return accepted;
      }));
    }
    Future<Integer> producer = executor.submit(() -> {
      start.await();
      int blocks = 0;
      while (adding.get()) {
        List<Transaction> block = pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT / 100, 20);
        // The chain executes the block: each sender's nonce moves past what it included.
        for (Transaction transaction : block) {
          state.nonces.merge(transaction.sender(), transaction.nonce() + 1, Math::max);
        }
        state.baseFee = Wei.ofGwei(1 + blocks % 3);
        pool.headChanged(block, List.of());
        blocks++;
      }
      return blocks;
    });
    start.countDown();
    for (Future<Integer> submitter : submitters) {
      assertThat(submitter.get(60, TimeUnit.SECONDS)).isPositive();
    }
    adding.set(false);
    assertThat(producer.get(60, TimeUnit.SECONDS)).isPositive();
    executor.shutdown();
    PoolInvariants.check(pool, state);
  }
}
