package io.citrate.benchmarks;

import io.citrate.core.api.crypto.Keccak256;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;
import org.web3j.crypto.Hash;

/** Keccak-256 of 32-byte, 256-byte and 4 KiB inputs: Citrate against web3j's {@code Hash.sha3}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Keccak256Benchmark {
  private static final int INPUTS = 64;

  @Param({"32", "256", "4096"})
  private int size;

  private byte[][] inputs;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(size);
    inputs = new byte[INPUTS][size];
    for (byte[] input : inputs) {
      random.nextBytes(input);
      if (!Arrays.equals(Keccak256.hash(input).toArray(), Hash.sha3(input))) {
        throw new IllegalStateException("Citrate and web3j disagree on Keccak-256");
      }
    }
  }

  @Benchmark
  public void citrate(Blackhole blackhole) {
    blackhole.consume(Keccak256.hash(nextInput()));
  }

  @Benchmark
  public void web3j(Blackhole blackhole) {
    blackhole.consume(Hash.sha3(nextInput()));
  }

  private byte[] nextInput() {
    byte[] input = inputs[next];
    next = (next + 1) % INPUTS;
    return input;
  }
}
