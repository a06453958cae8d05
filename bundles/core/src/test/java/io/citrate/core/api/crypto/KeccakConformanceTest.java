package io.citrate.core.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import io.citrate.core.api.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code testdata/crypto/keccak-sha3-vectors.json}: the Keccak-256 (Ethereum padding) column only. */
class KeccakConformanceTest {
  /** Fixture name to reason; empty because every vector passes. */
  private static final Map<String, String> SKIPPED = Map.of();
  private static final AtomicInteger PASSED = new AtomicInteger();

  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode vector : Fixtures.readJson(Fixtures.resolve("crypto/keccak-sha3-vectors.json")).get("vectors")) {
      cases.add(Arguments.of(vector.get("label").asText(), vector));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void keccak256(String label, JsonNode vector) {
    assumeFalse(SKIPPED.containsKey(label), () -> SKIPPED.get(label));
    assertThat(Keccak256.hash(input(vector))).isEqualTo(Hash.fromHex(vector.get("keccak256").asText()));
    PASSED.incrementAndGet();
  }

  private static byte[] input(JsonNode vector) {
    if (vector.hasNonNull("inputHex")) {
      return Bytes.fromHex(vector.get("inputHex").asText());
    }
    if (vector.hasNonNull("inputUtf8")) {
      return vector.get("inputUtf8").asText().getBytes(StandardCharsets.UTF_8);
    }
    // The only described input: "the byte 0x61 ('a') repeated 1,000,000 times".
    String description = vector.get("inputDescription").asText();
    if (!description.startsWith("the byte 0x61 ('a') repeated 1,000,000 times")) {
      throw new IllegalStateException("unknown input description: " + description);
    }
    byte[] input = new byte[1_000_000];
    Arrays.fill(input, (byte) 'a');
    return input;
  }

  @AfterAll
  static void report() {
    System.out.printf("KeccakConformanceTest: %d vectors passed, %d skipped%n", PASSED.get(), SKIPPED.size());
  }
}
