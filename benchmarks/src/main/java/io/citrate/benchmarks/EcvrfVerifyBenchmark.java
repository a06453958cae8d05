package io.citrate.benchmarks;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.core.api.vrf.Ecvrf;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.core.api.vrf.VrfProof;
import io.citrate.core.api.vrf.VrfPublicKey;
import java.nio.charset.StandardCharsets;
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
 * What the VRF check adds to each block's pre-validation: decoding an 81-byte ECVRF-P256-SHA256-TAI
 * proof and verifying it, against the stage's other signature check, recovering the producer from its
 * secp256k1 signature. Proofs and signatures are made in setup from deterministic keys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EcvrfVerifyBenchmark {
  private static final int INPUTS = 64;

  private VrfPublicKey[] vrfKeys;
  private byte[][] alphas;
  private byte[][] proofs;
  private Hash[] hashes;
  private Signature[] signatures;
  private int next;

  @Setup
  public void setUp() {
    vrfKeys = new VrfPublicKey[INPUTS];
    alphas = new byte[INPUTS][];
    proofs = new byte[INPUTS][];
    hashes = new Hash[INPUTS];
    signatures = new Signature[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      byte[] seed = Keccak256.hash(("validator " + i).getBytes(StandardCharsets.US_ASCII)).toArray();
      VrfPrivateKey vrfKey = VrfPrivateKey.fromBytes(seed);
      vrfKeys[i] = vrfKey.publicKey();
      alphas[i] = ("slot " + i).getBytes(StandardCharsets.US_ASCII);
      proofs[i] = Ecvrf.prove(vrfKey, alphas[i]).toBytes();
      hashes[i] = Keccak256.hash(alphas[i]);
      signatures[i] = Secp256k1.sign(hashes[i], PrivateKey.fromBytes(seed));
    }
  }

  @Benchmark
  public void ecvrfDecodeAndVerify(Blackhole blackhole) {
    int i = nextIndex();
    blackhole.consume(Ecvrf.verify(vrfKeys[i], alphas[i], VrfProof.fromBytes(proofs[i])));
  }

  @Benchmark
  public void secp256k1Recovery(Blackhole blackhole) {
    int i = nextIndex();
    blackhole.consume(Secp256k1.recoverAddress(hashes[i], signatures[i]));
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) % INPUTS;
    return i;
  }
}
