package io.citrate.core.api.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * ethereum/tests RLPTests ({@code testdata/rlp}, see its README): valid values round-trip, "INVALID" encodings
 * are rejected, "VALID" random encodings decode and re-encode identically.
 */
class RlpConformanceTest {
  private static final List<String> FILES =
      List.of("rlptest.json", "invalidRLPTest.json", "RandomRLPTests/example.json");
  /** Fixture name to reason; empty because every case passes. */
  private static final Map<String, String> SKIPPED = Map.of();

  private static final AtomicInteger ROUND_TRIPS = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();
  private static final AtomicInteger DECODED = new AtomicInteger();

  static Stream<Arguments> fixtures() {
    List<Arguments> cases = new ArrayList<>();
    for (String file : FILES) {
      Path path = Fixtures.resolve("rlp").resolve(file);
      for (Map.Entry<String, JsonNode> test : Fixtures.readJson(path).properties()) {
        cases.add(Arguments.of(file.replaceFirst("\\.json$", "") + "/" + test.getKey(), test.getValue()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rlp(String name, JsonNode test) {
    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
    JsonNode in = test.get("in");
    byte[] out = Bytes.fromHex(test.get("out").asText());
    if (in.isTextual() && in.asText().equals("INVALID")) {
      assertThatThrownBy(() -> Rlp.decode(out)).isInstanceOf(RlpException.class);
      REJECTED.incrementAndGet();
    } else if (in.isTextual() && in.asText().equals("VALID")) {
      assertThat(Rlp.decode(out).encode()).isEqualTo(out);
      DECODED.incrementAndGet();
    } else {
      RlpItem expected = toItem(in);
      assertThat(expected.encode()).isEqualTo(out);
      assertThat(Rlp.decode(out)).isEqualTo(expected);
      ROUND_TRIPS.incrementAndGet();
    }
  }

  /** The fixture's JSON value as RLP: strings are their UTF-8 bytes, integers and "#decimal" big-endian. */
  private static RlpItem toItem(JsonNode value) {
    if (value.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      value.forEach(element -> items.add(toItem(element)));
      return RlpList.of(items);
    }
    if (value.isIntegralNumber()) {
      return RlpString.of(unsigned(value.bigIntegerValue()));
    }
    String text = value.asText();
    if (text.startsWith("#")) {
      return RlpString.of(unsigned(new BigInteger(text.substring(1))));
    }
    return RlpString.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] unsigned(BigInteger value) {
    return value.signum() == 0 ? Bytes.EMPTY : Bytes.trimLeadingZeros(value.toByteArray());
  }

  @AfterAll
  static void report() {
    System.out.printf("RlpConformanceTest: %d round trips, %d invalid rejected, %d random valid decoded, %d skipped%n",
        ROUND_TRIPS.get(), REJECTED.get(), DECODED.get(), SKIPPED.size());
  }
}
