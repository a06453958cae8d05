package io.citrate.tensor.command;

import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

/**
 * {@code citrate:tensor-bench}: a quick float32 matmul on each backend, in GFLOP/s (2 n^3 flops per product), the
 * median of the timed repetitions after warm-ups. A sanity check for operators, not a benchmark suite.
 */
@Command(scope = "citrate", name = "tensor-bench",
    description = "Time an n x n float32 matmul on each tensor backend and print the median GFLOP/s.")
@Service
public class TensorBench implements Action {
  private static final int WARM_UPS = 2;

  @Reference
  BundleContext context;

  @Option(name = "-n", aliases = "--size", description = "Matrix size n (default 512, at most 4096)")
  int size = 512;

  @Option(name = "-r", aliases = "--repetitions", description = "Timed repetitions (default 5, at most 100)")
  int repetitions = 5;

  @Override
  public Object execute() {
    if (size < 1 || size > 4096 || repetitions < 1 || repetitions > 100) {
      System.err.println("size must be 1..4096 and repetitions 1..100");
      return null;
    }
    List<TensorBackend> backends = RunningBackends.of(context);
    if (backends.isEmpty()) {
      System.err.println("No tensor backend is running (see the log)");
      return null;
    }
    for (TensorBackend backend : backends) {
      run(backend, size, repetitions, System.out);
    }
    return null;
  }

  static double run(TensorBackend backend, int n, int repetitions, PrintStream out) {
    float[] a = randomMatrix(n, 1);
    float[] b = randomMatrix(n, 2);
    long[] nanos = new long[repetitions];
    try (TensorSession session = backend.open(NumericMode.FAST, TensorLimits.GENEROUS)) {
      Tensor left = session.fromFloats(Shape.of(n, n), a);
      Tensor right = session.fromFloats(Shape.of(n, n), b);
      for (int i = 0; i < WARM_UPS + repetitions; i++) {
        long start = System.nanoTime();
        session.matmul(left, right).close();
        if (i >= WARM_UPS) {
          nanos[i - WARM_UPS] = System.nanoTime() - start;
        }
      }
    }
    Arrays.sort(nanos);
    long median = nanos[repetitions / 2];
    double gflops = 2.0 * n * n * n / median;
    out.println(String.format(Locale.ROOT, "%-7s %4d x %-4d matmul: %8.2f GFLOP/s (median of %d, %.2f ms)",
        backend.name(), n, n, gflops, repetitions, median / 1e6));
    return gflops;
  }

  private static float[] randomMatrix(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
