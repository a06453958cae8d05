package io.citrate.core.api.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import io.citrate.core.api.vrf.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code testdata/crypto/ecvrf-rfc9381.json}: RFC 9381 Appendix B, every value of suite 0x01. */
class EcvrfConformanceTest {
  /** suite_string to reason: Citrate implements ECVRF-P256-SHA256-TAI only. */
  private static final Map<String, String> SKIPPED_SUITES = Map.of(
      "0x02", "suite not used by Citrate",
      "0x03", "suite not used by Citrate",
      "0x04", "suite not used by Citrate");
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger SKIPPED = new AtomicInteger();

  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode vector : Fixtures.readJson(Fixtures.resolve("crypto/ecvrf-rfc9381.json")).get("vectors")) {
      cases.add(Arguments.of("example " + vector.get("example").asInt() + " " + vector.get("suite").asText(), vector));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rfc9381Example(String label, JsonNode vector) {
    String suite = vector.get("suite_string").asText();
    if (SKIPPED_SUITES.containsKey(suite)) {
      SKIPPED.incrementAndGet();
    }
    assumeFalse(SKIPPED_SUITES.containsKey(suite), () -> SKIPPED_SUITES.get(suite));
    assertThat(suite).isEqualTo("0x01");

    VrfPrivateKey secretKey = VrfPrivateKey.fromHex(text(vector, "SK"));
    byte[] alpha = Bytes.fromHex(text(vector, "alpha"));
    assertThat(secretKey.scalar()).isEqualTo(new BigInteger(text(vector, "x"), 16));
    assertThat(hex(secretKey.publicKey().toBytes())).isEqualTo(text(vector, "PK"));

    Ecvrf.ProofTranscript transcript = Ecvrf.transcript(secretKey, alpha);
    assertThat(hex(P256.encode(transcript.h().point()))).isEqualTo(text(vector, "H"));
    if (vector.hasNonNull("tai_ctr")) {
      assertThat(transcript.h().counter()).isEqualTo(vector.get("tai_ctr").asInt());
    }
    assertThat(transcript.k()).isEqualTo(new BigInteger(text(vector, "k"), 16));
    assertThat(hex(P256.encode(transcript.u()))).isEqualTo(text(vector, "U"));
    assertThat(hex(P256.encode(transcript.v()))).isEqualTo(text(vector, "V"));
    assertThat(hex(transcript.proof().toBytes())).isEqualTo(text(vector, "pi"));
    assertThat(hex(Ecvrf.prove(secretKey, alpha).toBytes())).isEqualTo(text(vector, "pi"));

    VrfProof proof = VrfProof.fromHex(text(vector, "pi"));
    VrfPublicKey publicKey = VrfPublicKey.fromHex(text(vector, "PK"));
    assertThat(hex(Ecvrf.proofToHash(proof))).isEqualTo(text(vector, "beta"));
    assertThat(hex(Ecvrf.verify(publicKey, alpha, proof))).isEqualTo(text(vector, "beta"));

    assertRejected(publicKey, Bytes.concat(alpha, new byte[] {0}), proof);
    VrfPrivateKey otherKey = VrfPrivateKey.fromBytes(Bytes.leftPad(new byte[] {2}, VrfPrivateKey.SIZE));
    assertRejected(otherKey.publicKey(), alpha, proof);
    byte[] tampered = proof.toBytes();
    tampered[VrfProof.SIZE - 1] ^= 1;
    assertRejected(publicKey, alpha, VrfProof.fromBytes(tampered));
    PASSED.incrementAndGet();
  }

  private static void assertRejected(VrfPublicKey publicKey, byte[] alpha, VrfProof proof) {
    assertThatThrownBy(() -> Ecvrf.verify(publicKey, alpha, proof))
        .isInstanceOfSatisfying(InvalidVrfProofException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_MISMATCH));
  }

  private static String text(JsonNode vector, String field) {
    return vector.get(field).asText();
  }

  private static String hex(byte[] bytes) {
    return Bytes.toHexNoPrefix(bytes);
  }

  @AfterAll
  static void report() {
    System.out.printf("EcvrfConformanceTest: %d vectors passed, %d skipped (%s)%n", PASSED.get(), SKIPPED.get(),
        "suite not used by Citrate");
  }
}
