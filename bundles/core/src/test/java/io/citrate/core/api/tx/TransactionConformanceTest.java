package io.citrate.core.api.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import io.citrate.core.api.Hash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ethereum/tests TransactionTests under Cancun rules ({@code testdata/transactions}, see its README): valid
 * transactions must decode with the expected hash, sender and intrinsic gas; the others must be rejected.
 */
class TransactionConformanceTest {
  /** The fixtures are filled for chain id 1. */
  private static final long CHAIN_ID = 1;
  /**
   * Tests filled only for older forks (all malformed encodings) take the newest result they carry, as the
   * fixture README directs.
   */
  private static final List<String> FORKS_NEWEST_FIRST = List.of("Cancun", "Shanghai", "Paris", "London");
  /** Fixture name to reason; empty because every Cancun case passes. */
  private static final Map<String, String> SKIPPED = Map.of();

  private static final AtomicInteger VALID_PASSED = new AtomicInteger();
  private static final AtomicInteger INVALID_PASSED = new AtomicInteger();

  static Stream<Arguments> fixtures() {
    Path root = Fixtures.resolve("transactions");
    List<Arguments> cases = new ArrayList<>();
    for (Path file : Fixtures.jsonFiles("transactions")) {
      String name = root.relativize(file).toString().replace('\\', '/').replaceFirst("\\.json$", "");
      for (Map.Entry<String, JsonNode> test : Fixtures.readJson(file).properties()) {
        cases.add(Arguments.of(name, test.getValue()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void cancun(String name, JsonNode test) {
    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
    byte[] txbytes = Bytes.fromHex(test.get("txbytes").asText());
    JsonNode expected = expectedResult(test.get("result"));
    if (expected.has("hash")) {
      Transaction transaction = TransactionDecoder.decode(txbytes, CHAIN_ID);
      assertThat(transaction.hash()).isEqualTo(Hash.fromHex(expected.get("hash").asText()));
      assertThat(transaction.sender()).isEqualTo(Address.fromHex(expected.get("sender").asText()));
      assertThat(transaction.intrinsicGas()).isEqualTo(Long.decode(expected.get("intrinsicGas").asText()));
      assertThat(transaction.encoded()).isEqualTo(txbytes);
      VALID_PASSED.incrementAndGet();
    } else {
      assertThatThrownBy(() -> TransactionDecoder.decode(txbytes, CHAIN_ID))
          .as("expected %s", expected.get("exception").asText())
          .isInstanceOf(InvalidTransactionException.class);
      INVALID_PASSED.incrementAndGet();
    }
  }

  private static JsonNode expectedResult(JsonNode results) {
    for (String fork : FORKS_NEWEST_FIRST) {
      if (results.has(fork)) {
        return results.get(fork);
      }
    }
    throw new IllegalStateException("no Cancun-era result in " + results.fieldNames());
  }

  @AfterAll
  static void report() {
    System.out.printf("TransactionConformanceTest: %d valid and %d invalid fixtures passed, %d skipped%n",
        VALID_PASSED.get(), INVALID_PASSED.get(), SKIPPED.size());
  }
}
