package io.citrate.benchmarks;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
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
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Recovering a transaction sender's address from a message hash and a signature: Citrate's
 * {@code Secp256k1.recoverAddress} against web3j's {@code Sign.signedMessageHashToKey} followed by
 * {@code Keys.getAddress}. The signatures are made with web3j in setup, from deterministic keys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SenderRecoveryBenchmark {
  private static final int INPUTS = 64;

  private Hash[] hashes;
  private Signature[] signatures;
  private byte[][] web3jHashes;
  private Sign.SignatureData[] web3jSignatures;
  private int next;

  @Setup
  public void setUp() {
    hashes = new Hash[INPUTS];
    signatures = new Signature[INPUTS];
    web3jHashes = new byte[INPUTS][];
    web3jSignatures = new Sign.SignatureData[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      BigInteger privateKey = new BigInteger(1, Keccak256.hash(("sender " + i).getBytes(StandardCharsets.US_ASCII)).toArray());
      ECKeyPair keyPair = ECKeyPair.create(privateKey);
      hashes[i] = Keccak256.hash(("message " + i).getBytes(StandardCharsets.US_ASCII));
      web3jHashes[i] = hashes[i].toArray();
      // web3j signs the hash as given (no prefix, no rehash) when told the message is already hashed.
      Sign.SignatureData signature = Sign.signMessage(web3jHashes[i], keyPair, false);
      web3jSignatures[i] = signature;
      int recoveryId = signature.getV()[0] - 27;
      signatures[i] = Signature.create(new BigInteger(1, signature.getR()), new BigInteger(1, signature.getS()), recoveryId);
      String expected = "0x" + Keys.getAddress(keyPair.getPublicKey());
      String recovered = Secp256k1.recoverAddress(hashes[i], signatures[i]).toHex();
      if (!recovered.equals(expected)) {
        throw new IllegalStateException("implementations disagree on input " + i + ": " + recovered + " vs " + expected);
      }
    }
  }

  @Benchmark
  public void citrate(Blackhole blackhole) {
    int i = nextIndex();
    blackhole.consume(Secp256k1.recoverAddress(hashes[i], signatures[i]));
  }

  @Benchmark
  public void web3j(Blackhole blackhole) throws SignatureException {
    int i = nextIndex();
    blackhole.consume(Keys.getAddress(Sign.signedMessageHashToKey(web3jHashes[i], web3jSignatures[i])));
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) % INPUTS;
    return i;
  }
}
