package io.citrate.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.PoolState;
import io.citrate.txpool.internal.PoolSettings;
import io.citrate.txpool.internal.TransactionPoolService;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transaction pool: admitting a transaction whose sender is already recovered ({@code addRecovered}, as
 * the node re-adds or a P2P route hands over decoded transactions) against admitting raw bytes
 * ({@code addEncoded}, as {@code eth_sendRawTransaction} does: decoding and sender recovery included), with
 * decoding alone as the baseline. {@link TxPoolSelectBenchmark} measures block selection.
 *
 * <p>The add benchmarks cycle 8,192 signed transfers from 512 senders, each sender's in nonce order with
 * random tips; when the cycle starts again they start a new empty pool. With {@code capacity=2048} the pool
 * is full after a quarter of the cycle, so the rest is admitted by evicting or refused as underpriced.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TxPoolBenchmark {
  private static final int INPUTS = 8_192;
  private static final int SENDERS = 512;
  static final long CHAIN_ID = 1337;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000aa");

  @Param({"10240", "2048"})
  int capacity;

  private Transaction[] transactions;
  private byte[][] encoded;
  private TransactionPoolService pool;
  private int next;

  /** Every account at nonce 0 with 1,000 SALT; base fee 1 gwei. */
  static final class FixedHead implements PoolState {
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
      return BLOCK_GAS_LIMIT;
    }
  }

  @Setup
  public void setUp() {
    transactions = signed(INPUTS, SENDERS, 1);
    encoded = new byte[INPUTS][];
    for (int i = 0; i < INPUTS; i++) {
      encoded[i] = transactions[i].encoded();
    }
    pool = newPool(capacity);
  }

  static TransactionPoolService newPool(int capacity) {
    return new TransactionPoolService(new FixedHead(),
        PoolSettings.DEFAULT.withCapacity(capacity, PoolSettings.DEFAULT.maxBytes()), new MetricRegistry());
  }

  /** Transaction i is from sender i % senders with nonce i / senders and a tip of 1 to 100 gwei. */
  static Transaction[] signed(int count, int senders, int keySeed) {
    KeyPair[] keys = IntStream.range(0, senders).parallel()
        .mapToObj(s -> KeyPair.of(PrivateKey.fromScalar(BigInteger.valueOf(keySeed * 1_000_000L + s + 1))))
        .toArray(KeyPair[]::new);
    return IntStream.range(0, count).parallel().mapToObj(i -> {
      long tip = 1 + new SplittableRandom(i).nextInt(100);
      return Transaction.builder(TransactionType.EIP1559).chainId(CHAIN_ID).nonce(i / senders)
          .maxPriorityFeePerGas(Wei.ofGwei(tip)).maxFeePerGas(Wei.ofGwei(tip + 50)).gasLimit(21_000)
          .to(RECIPIENT).value(Wei.ONE).sign(keys[i % senders].privateKey());
    }).toArray(Transaction[]::new);
  }

  private int nextIndex() {
    int i = next;
    if (++next == INPUTS) {
      next = 0;
    }
    if (i == 0) {
      pool = newPool(capacity);
    }
    return i;
  }

  @Benchmark
  public Admission addRecovered() {
    return pool.add(transactions[nextIndex()]);
  }

  @Benchmark
  public Admission addEncoded() {
    return pool.addEncoded(encoded[nextIndex()]);
  }

  @Benchmark
  public Transaction decodeOnly() {
    return TransactionDecoder.decode(encoded[nextIndex()]);
  }
}
