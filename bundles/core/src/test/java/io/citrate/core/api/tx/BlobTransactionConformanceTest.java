package io.citrate.core.api.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Type-3 (blob) transactions from the Cancun state tests in {@code testdata/evm}, the only fixtures that
 * carry them. Each {@code post.Cancun} entry whose {@code txbytes} is a blob transaction is checked: a
 * transaction the test expects to run must decode with the fixture's sender; one rejected for a static
 * reason must be rejected by the decoder; one rejected for a state-dependent reason (balance, blob base
 * fee) is statically valid and must decode.
 */
class BlobTransactionConformanceTest {
  private static final long CHAIN_ID = 1;
  private static final List<String> FOLDERS = List.of(
      "evm/GeneralStateTests/Cancun/stEIP4844-blobtransactions",
      "evm/GeneralStateTests/Pyspecs/cancun/eip4844_blobs");
  /** Expected exceptions that a decoder alone must detect. */
  private static final Set<String> STATIC_EXCEPTIONS = Set.of(
      "TransactionException.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH",
      "TransactionException.TYPE_3_TX_ZERO_BLOBS",
      "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED",
      "TransactionException.TYPE_3_TX_CONTRACT_CREATION");
  /** Fixture name to reason; empty because every case passes. */
  private static final Map<String, String> SKIPPED = Map.of();

  private static final AtomicInteger FIXTURES_PASSED = new AtomicInteger();
  private static final AtomicInteger DECODED = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  static Stream<Arguments> fixtures() {
    Path root = Fixtures.resolve("evm/GeneralStateTests");
    List<Arguments> cases = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (Path file : Fixtures.jsonFiles(folder)) {
        String fileName = root.relativize(file).toString().replace('\\', '/');
        for (Map.Entry<String, JsonNode> test : Fixtures.readJson(file).properties()) {
          if (hasBlobTransaction(test.getValue())) {
            cases.add(Arguments.of(fileName + " " + test.getKey(), test.getValue()));
          }
        }
      }
    }
    return cases.stream();
  }

  private static boolean hasBlobTransaction(JsonNode test) {
    for (JsonNode post : test.path("post").path("Cancun")) {
      if (post.path("txbytes").asText().startsWith("0x03")) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void cancunBlobTransactions(String name, JsonNode test) {
    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
    Address sender = Address.fromHex(test.get("transaction").get("sender").asText());
    for (JsonNode post : test.get("post").get("Cancun")) {
      String hex = post.get("txbytes").asText();
      if (!hex.startsWith("0x03")) {
        continue;
      }
      byte[] txbytes = Bytes.fromHex(hex);
      String exception = post.path("expectException").asText("");
      if (STATIC_EXCEPTIONS.contains(exception)) {
        assertThatThrownBy(() -> TransactionDecoder.decode(txbytes, CHAIN_ID))
            .as("expected %s", exception)
            .isInstanceOf(InvalidTransactionException.class);
        REJECTED.incrementAndGet();
      } else {
        Transaction transaction = TransactionDecoder.decode(txbytes, CHAIN_ID);
        assertThat(transaction.type()).isEqualTo(TransactionType.BLOB);
        assertThat(transaction.sender()).isEqualTo(sender);
        assertThat(transaction.encoded()).isEqualTo(txbytes);
        DECODED.incrementAndGet();
      }
    }
    FIXTURES_PASSED.incrementAndGet();
  }

  @AfterAll
  static void report() {
    System.out.printf("BlobTransactionConformanceTest: %d fixtures passed (%d blob transactions decoded, %d rejected),"
        + " %d skipped%n", FIXTURES_PASSED.get(), DECODED.get(), REJECTED.get(), SKIPPED.size());
  }
}
