package io.citrate.tensor.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.conformance.ConformanceReport.Outcome;
import io.citrate.tensor.conformance.ConformanceReport.Status;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.opencl.OpenClDeviceSelector;
import io.citrate.tensor.internal.opencl.OpenClKernels;
import io.citrate.tensor.internal.session.OperationListener;
import io.citrate.tensor.internal.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ONNX node test under {@code ${citrate.testdata}/onnx/node/} on every backend: all in FAST mode, and the
 * integer operators ({@link OnnxNodeMapping#EXACT_OPERATORS}) again in EXACT mode. Folders are discovered, so any
 * fixture tree of the same layout can be given with {@code -Dcitrate.testdata=...}. A test the Tensor API cannot
 * express is reported as not applicable with its reason (aborted, not passed); the tables at the end give the
 * counts per operator.
 */
class OnnxNodeConformanceTest {
  private static final ConformanceReport REPORT = new ConformanceReport();
  private static final List<Backend> BACKENDS = List.of(
      new Backend("java", JavaKernels::new),
      new Backend("opencl", () -> OpenClKernels.open(OpenClDeviceSelector.ANY, null)));

  @TestFactory
  Stream<DynamicNode> nodeTestsOnEveryBackend() {
    Path nodeFolder = NodeTestCase.testdataRoot().resolve("onnx").resolve("node");
    List<Path> folders = NodeTestCase.discover(nodeFolder);
    assertThat(folders).as("node test folders under " + nodeFolder).isNotEmpty();
    List<Loaded> cases = folders.stream().map(Loaded::of).toList();
    List<DynamicNode> runs = new ArrayList<>();
    for (Backend backend : BACKENDS) {
      runs.add(run(backend, NumericMode.FAST, cases));
      runs.add(run(backend, NumericMode.EXACT, cases.stream()
          .filter(loaded -> OnnxNodeMapping.EXACT_OPERATORS.contains(loaded.operator())).toList()));
    }
    return runs.stream();
  }

  @AfterAll
  static void printSummaryAndCloseBackends() {
    System.out.println(REPORT.render());
    for (Backend backend : BACKENDS) {
      backend.close();
    }
  }

  private static DynamicContainer run(Backend backend, NumericMode mode, List<Loaded> cases) {
    String runName = backend.name + " " + mode;
    List<DynamicNode> tests = new ArrayList<>();
    for (Loaded loaded : cases) {
      if (loaded.testCase() == null) {
        tests.add(DynamicTest.dynamicTest(loaded.name(), () -> {
          REPORT.add(new Outcome(runName, loaded.operator(), loaded.name(), Status.FAILED, loaded.error(), 0));
          fail(loaded.error());
        }));
        continue;
      }
      NodeTestCase testCase = loaded.testCase();
      for (NodeTestCase.DataSet set : testCase.dataSets()) {
        String testName = testCase.dataSets().size() == 1 ? testCase.name() : testCase.name() + "/" + set.name();
        tests.add(DynamicTest.dynamicTest(testName, () -> {
          Outcome outcome = runOne(runName, backend, mode, testCase, set, testName);
          REPORT.add(outcome);
          if (outcome.status() == Status.FAILED) {
            fail(outcome.detail());
          }
          if (outcome.status() == Status.NOT_APPLICABLE) {
            Assumptions.abort("NOT APPLICABLE: " + outcome.detail());
          }
        }));
      }
    }
    return DynamicContainer.dynamicContainer(runName, tests);
  }

  private static Outcome runOne(String runName, Backend backend, NumericMode mode, NodeTestCase testCase,
      NodeTestCase.DataSet set, String testName) {
    OnnxNode node = testCase.model().singleNode();
    String operator = node.opType();
    try {
      OnnxNodeMapping.requireMapped(node);
      for (OnnxTensor expected : set.expectedOutputs().values()) {
        OutputComparison.expectedType(expected.dataType(), mode);
      }
      try (TensorSession session = new Session(backend.kernels(), mode, TensorLimits.GENEROUS,
          OperationListener.NONE)) {
        List<Tensor> outputs = OnnxNodeMapping.run(session, testCase.model(), set.inputs());
        List<String> failures = new ArrayList<>();
        int oneUnit = 0;
        for (Map.Entry<String, OnnxTensor> expected : set.expectedOutputs().entrySet()) {
          int position = node.outputs().indexOf(expected.getKey());
          Tensor actual = position >= 0 && position < outputs.size() ? outputs.get(position) : null;
          if (actual == null) {
            failures.add("no output '" + expected.getKey() + "'");
            continue;
          }
          OutputComparison.Verdict verdict = OutputComparison.compare(session, actual, expected.getValue());
          oneUnit += verdict.oneUnitDifferences();
          if (!verdict.passed()) {
            failures.add(verdict.detail());
          }
        }
        Status status = failures.isEmpty() ? Status.PASSED : Status.FAILED;
        return new Outcome(runName, operator, testName, status, String.join("; ", failures), oneUnit);
      }
    } catch (NotApplicableException e) {
      return new Outcome(runName, operator, testName, Status.NOT_APPLICABLE, e.getMessage(), 0);
    } catch (TensorException e) {
      return new Outcome(runName, operator, testName, Status.FAILED, "refused with " + e.kind() + ": "
          + e.getMessage(), 0);
    } catch (RuntimeException e) {
      return new Outcome(runName, operator, testName, Status.FAILED, e.toString(), 0);
    }
  }

  /** A fixture folder, loaded, or the reason it could not be. */
  private record Loaded(String name, String operator, NodeTestCase testCase, String error) {
    static Loaded of(Path folder) {
      String name = folder.getFileName().toString();
      try {
        NodeTestCase testCase = NodeTestCase.load(folder);
        return new Loaded(name, testCase.model().singleNode().opType(), testCase, null);
      } catch (RuntimeException e) {
        return new Loaded(name, "(unreadable)", null, e.getMessage());
      }
    }
  }

  /** A backend's kernels, opened on first use and shared by every session of the run. */
  private static final class Backend {
    final String name;
    private final Supplier<Kernels> opener;
    private Kernels kernels;
    private RuntimeException openFailure;

    Backend(String name, Supplier<Kernels> opener) {
      this.name = name;
      this.opener = opener;
    }

    /** The kernels; a backend that failed to open fails every later test the same way without retrying. */
    synchronized Kernels kernels() {
      if (openFailure != null) {
        throw openFailure;
      }
      if (kernels == null) {
        try {
          kernels = opener.get();
        } catch (RuntimeException e) {
          openFailure = e;
          throw e;
        }
      }
      return kernels;
    }

    synchronized void close() {
      if (kernels != null) {
        kernels.close();
        kernels = null;
      }
    }
  }
}
