package io.citrate.benchmarks;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.trie.MerklePatriciaTrie;
import java.security.Security;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
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
 * Inserting 10,000 entries (32-byte keys, 100-byte values) into an empty trie and computing its root.
 *
 * <p>web3j has no Merkle Patricia Trie, so the baseline is Apache Tuweni's in-memory
 * {@code org.apache.tuweni.trie.MerklePatriciaTrie}, the JVM implementation on Maven Central; setup checks
 * that it computes the same root. Its Java-facing {@code putAsync} wraps every put in a coroutine
 * {@code runBlocking}; the benchmark calls the underlying suspend function directly instead (it never
 * suspends for an in-memory trie), so the trie itself is what is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TrieBenchmark {
  private static final int DATASETS = 4;
  private static final int ENTRIES = 10_000;
  private static final int VALUE_SIZE = 100;

  /** Completion for suspend calls that return without suspending; resuming later would be a misuse. */
  private static final Continuation<Unit> NOT_SUSPENDING = new Continuation<>() {
    @Override
    public CoroutineContext getContext() {
      return EmptyCoroutineContext.INSTANCE;
    }

    @Override
    public void resumeWith(Object result) {
      throw new IllegalStateException("the in-memory Tuweni trie suspended");
    }
  };

  private byte[][][] keys;
  private byte[][][] values;
  private org.apache.tuweni.bytes.Bytes[][] tuweniKeys;
  private org.apache.tuweni.bytes.Bytes[][] tuweniValues;
  private int next;

  @Setup
  public void setUp() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      // Tuweni looks Keccak-256 up through the JCA.
      Security.addProvider(new BouncyCastleProvider());
    }
    keys = new byte[DATASETS][ENTRIES][];
    values = new byte[DATASETS][ENTRIES][];
    tuweniKeys = new org.apache.tuweni.bytes.Bytes[DATASETS][ENTRIES];
    tuweniValues = new org.apache.tuweni.bytes.Bytes[DATASETS][ENTRIES];
    SplittableRandom random = new SplittableRandom(10_000);
    for (int d = 0; d < DATASETS; d++) {
      for (int i = 0; i < ENTRIES; i++) {
        keys[d][i] = Keccak256.hash(Bytes.concat(Bytes.minimalBigEndian(d), Bytes.minimalBigEndian(i))).toArray();
        values[d][i] = new byte[VALUE_SIZE];
        random.nextBytes(values[d][i]);
        tuweniKeys[d][i] = org.apache.tuweni.bytes.Bytes.wrap(keys[d][i]);
        tuweniValues[d][i] = org.apache.tuweni.bytes.Bytes.wrap(values[d][i]);
      }
      byte[] citrateRoot = citrateRoot(d);
      byte[] tuweniRoot = tuweniRoot(d);
      if (!Arrays.equals(citrateRoot, tuweniRoot)) {
        throw new IllegalStateException("roots differ: Citrate " + Bytes.toHex(citrateRoot)
            + ", Tuweni " + Bytes.toHex(tuweniRoot));
      }
    }
  }

  @Benchmark
  public void citrate(Blackhole blackhole) {
    blackhole.consume(citrateRoot(nextDataset()));
  }

  @Benchmark
  public void tuweni(Blackhole blackhole) {
    blackhole.consume(tuweniRoot(nextDataset()));
  }

  private int nextDataset() {
    int dataset = next;
    next = (next + 1) % DATASETS;
    return dataset;
  }

  private byte[] citrateRoot(int dataset) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    byte[][] k = keys[dataset];
    byte[][] v = values[dataset];
    for (int i = 0; i < ENTRIES; i++) {
      trie.put(k[i], v[i]);
    }
    return trie.rootHash().unsafeBytes();
  }

  private byte[] tuweniRoot(int dataset) {
    org.apache.tuweni.trie.MerklePatriciaTrie<org.apache.tuweni.bytes.Bytes> trie =
        org.apache.tuweni.trie.MerklePatriciaTrie.storingBytes();
    org.apache.tuweni.bytes.Bytes[] k = tuweniKeys[dataset];
    org.apache.tuweni.bytes.Bytes[] v = tuweniValues[dataset];
    for (int i = 0; i < ENTRIES; i++) {
      if (trie.put(k[i], v[i], NOT_SUSPENDING) == IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
        throw new IllegalStateException("the in-memory Tuweni trie suspended");
      }
    }
    return trie.rootHash().toArrayUnsafe();
  }
}
