package io.citrate.tensor.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.session.OperationListener;
import io.citrate.tensor.internal.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorCommandsTest {
  private static final ComputeDevice JAVA_DEVICE =
      new ComputeDevice("Java 17", "Java reference backend", "cpu", 2, 8L << 30, 0, true);

  private final TensorBackend javaBackend = new TensorBackend() {
    private final JavaKernels kernels = new JavaKernels();

    @Override
    public String name() {
      return "java";
    }

    @Override
    public List<ComputeDevice> devices() {
      return List.of(JAVA_DEVICE);
    }

    @Override
    public TensorSession open(NumericMode mode, TensorLimits limits) {
      return new Session(kernels, mode, limits, OperationListener.NONE);
    }

    @Override
    public TensorSession open(NumericMode mode) {
      return open(mode, TensorLimits.GENEROUS);
    }
  };

  @Test
  void devicesMarkTheEngineAndListTheOpenClPlatformsOfTheMachine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TensorDevices.print("java", List.of(javaBackend), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("Engine: java", "Backend java (in use)", "Java reference backend", "8.0 GiB");
    assertThat(output).contains("OpenCL (backend not open)");
    // PoCL is installed wherever the tests run.
    assertThat(output).contains("Portable Computing Language");
  }

  @Test
  void devicesSayWhenNoEngineRuns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TensorDevices.print(null, List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Engine: not running (see the log)");
  }

  @Test
  void benchPrintsTheMedianRate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double gflops = TensorBench.run(javaBackend, 32, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(gflops).isPositive();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("java", "32 x 32", "GFLOP/s", "median of 3");
  }

  @Test
  void formatsMemorySizes() {
    assertThat(TensorDevices.bytes(1L << 30)).isEqualTo("1.0 GiB");
    assertThat(TensorDevices.bytes(3L << 20)).isEqualTo("3.0 MiB");
    assertThat(TensorDevices.bytes(64 << 10)).isEqualTo("64 KiB");
    assertThat(TensorDevices.bytes(0)).isEqualTo("-");
  }
}
