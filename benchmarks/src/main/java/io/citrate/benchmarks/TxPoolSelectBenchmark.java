package io.citrate.benchmarks;

import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.internal.PoolSettings;
import io.citrate.txpool.internal.TransactionPoolService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Choosing the next block's transactions from a full pool at the default capacity: 10,240 pending transfers
 * from 640 senders (16 nonces each, tips of 1 to 100 gwei), 30M gas, so 1,428 are chosen. The baseline,
 * {@code pendingCopy}, copies every pending transaction out of the pool under its lock, which selection also
 * has to do before it orders them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TxPoolSelectBenchmark {
  private TransactionPoolService pool;

  @Setup
  public void setUp() {
    int capacity = PoolSettings.DEFAULT.capacity();
    pool = TxPoolBenchmark.newPool(capacity);
    for (Transaction transaction : TxPoolBenchmark.signed(capacity, 640, 2)) {
      if (!pool.add(transaction).isAccepted()) {
        throw new IllegalStateException("setup transaction refused: " + transaction);
      }
    }
    if (pool.status().pending() != capacity) {
      throw new IllegalStateException("the pool is not full of pending transactions: " + pool.status());
    }
    List<Transaction> block = pool.selectForBlock(TxPoolBenchmark.BLOCK_GAS_LIMIT, 10_000);
    if (block.size() != TxPoolBenchmark.BLOCK_GAS_LIMIT / 21_000) {
      throw new IllegalStateException("selected " + block.size() + " transactions");
    }
  }

  @Benchmark
  public void selectForBlock(Blackhole blackhole) {
    blackhole.consume(pool.selectForBlock(TxPoolBenchmark.BLOCK_GAS_LIMIT, 10_000));
  }

  @Benchmark
  public void pendingCopy(Blackhole blackhole) {
    blackhole.consume(pool.pending());
  }
}
