package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Bytes;
import io.citrate.vm.api.PrecompileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c-kzg-4844's verify_kzg_proof reference vectors as the execution spec tests carry them
 * ({@code evm/GeneralStateTests/Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors.json}).
 * Each transaction's data is one precompile input; the post state holds only a root, so the expected outcome
 * comes from the vector's name: the correct_proof cases verify, every other case halts.
 */
class PointEvaluationConformanceTest {
  private static final String FIXTURE =
      "evm/GeneralStateTests/Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors.json";
  private static final AtomicInteger PASSED = new AtomicInteger();

  private static final PointEvaluationPrecompile PRECOMPILE = new PointEvaluationPrecompile();

  static Stream<Arguments> vectors() throws IOException {
    // The root pom passes citrate.testdata to every test run; the default is the same place seen from this module.
    Path root = Path.of(System.getProperty("citrate.testdata", "../../../shared/testdata"));
    JsonNode tests = new ObjectMapper().readTree(Files.readString(root.resolve(FIXTURE)));
    List<Arguments> cases = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> test = it.next();
      String name = test.getKey().substring(test.getKey().indexOf("verify_kzg_proof_case_"));
      for (JsonNode data : test.getValue().get("transaction").get("data")) {
        cases.add(Arguments.of(name.replace("]", ""), Bytes.fromHex(data.asText())));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void pointEvaluation(String name, byte[] input) {
    PrecompileResult result = PRECOMPILE.execute(input, Contexts.ANY);

    if (name.startsWith("verify_kzg_proof_case_correct_proof")) {
      assertThat(result.status()).as(result.haltReason()).isEqualTo(PrecompileResult.Status.SUCCESS);
      assertThat(Bytes.toHexNoPrefix(result.output())).startsWith("0".repeat(60) + "1000");
    } else {
      assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    }
    PASSED.incrementAndGet();
  }

  @AfterAll
  static void report() {
    System.out.printf("PointEvaluationConformanceTest: %d vectors passed, 0 skipped%n", PASSED.get());
  }
}
