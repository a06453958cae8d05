package io.citrate.benchmarks;

import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpList;
import java.math.BigInteger;
import java.util.SplittableRandom;
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
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpType;

/**
 * Decoding a block body's worth of RLP: a list of 200 legacy-transaction-shaped lists
 * ({@code [nonce, gasPrice, gasLimit, to, value, data, v, r, s]}, 0 to 400 bytes of data, about 60 KB in
 * all) into a tree, Citrate's {@code Rlp.decode} against web3j's {@code RlpDecoder.decode}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RlpDecodeBenchmark {
  private static final int BLOCKS = 8;
  private static final int TRANSACTIONS = 200;

  private byte[][] blocks;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20_240_601);
    blocks = new byte[BLOCKS][];
    for (int b = 0; b < BLOCKS; b++) {
      byte[][] transactions = new byte[TRANSACTIONS][];
      for (int t = 0; t < TRANSACTIONS; t++) {
        transactions[t] = legacyTransaction(random);
      }
      blocks[b] = Rlp.encodeList(transactions);
      RlpType decoded = RlpDecoder.decode(blocks[b]).getValues().get(0);
      if (((org.web3j.rlp.RlpList) decoded).getValues().size() != TRANSACTIONS
          || ((RlpList) Rlp.decode(blocks[b])).size() != TRANSACTIONS) {
        throw new IllegalStateException("a decoder lost transactions");
      }
    }
  }

  @Benchmark
  public void citrate(Blackhole blackhole) {
    blackhole.consume(Rlp.decode(nextBlock()));
  }

  @Benchmark
  public void web3j(Blackhole blackhole) {
    blackhole.consume(RlpDecoder.decode(nextBlock()));
  }

  private byte[] nextBlock() {
    byte[] block = blocks[next];
    next = (next + 1) % BLOCKS;
    return block;
  }

  private static byte[] legacyTransaction(SplittableRandom random) {
    return Rlp.encodeList(
        Rlp.encodeLong(random.nextInt(1 << 20)),
        Rlp.encodeBigInteger(BigInteger.valueOf(random.nextLong(1_000_000_000L, 200_000_000_000L))),
        Rlp.encodeLong(random.nextLong(21_000, 10_000_000)),
        Rlp.encodeBytes(randomBytes(random, 20)),
        Rlp.encodeBigInteger(new BigInteger(1, randomBytes(random, random.nextInt(1, 12)))),
        Rlp.encodeBytes(randomBytes(random, random.nextInt(401))),
        Rlp.encodeLong(37 + random.nextInt(2)),
        Rlp.encodeBigInteger(new BigInteger(1, randomBytes(random, 32))),
        Rlp.encodeBigInteger(new BigInteger(1, randomBytes(random, 32))));
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
