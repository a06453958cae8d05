package io.citrate.benchmarks;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.opencl.OpenClDeviceSelector;
import io.citrate.tensor.internal.opencl.OpenClKernels;
import io.citrate.tensor.internal.session.OperationListener;
import io.citrate.tensor.internal.session.Session;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dense kernels of the tensor engine beside ONNX Runtime's CPU execution provider (one intra-op thread per
 * core), each subject on three backends: Citrate's OpenCL kernels (the device {@link OpenClDeviceSelector#ANY}
 * picks, a GPU where there is one), Citrate's Java reference kernels, and ONNX Runtime running a single-node
 * model of the same operator ({@link OnnxModel}).
 *
 * <ul>
 *   <li>{@code sgemm}: {@code C = A x B}, float32 squares of {@code size}; 2 size^3 floating-point operations.
 *   <li>{@code sgemmReadback}: the same at 1024, with the result read back to a Java array, so that the cost
 *       of the transfer shows beside {@code sgemm}.
 *   <li>{@code conv2d}: a ResNet-18 layer, N=1, C=64, H=W=56, M=64, 3x3, pad 1, stride 1, no bias, float32;
 *       2 x 64 x 56 x 56 x 64 x 9 = 231,211,008 operations.
 *   <li>{@code matMulInteger}: 1024 x 1024 uint8 times 1024 x 1024 int8 into int32, zero points 128 and 0
 *       (asymmetric activations, symmetric weights); 2 x 1024^3 operations.
 * </ul>
 *
 * <p>Inputs are built from fixed seeds and uploaded once per trial; Citrate measures the session call and
 * closing its output, which stays on the device, and ONNX Runtime runs into an output tensor allocated once.
 * Host-device transfers are thus excluded except in {@code sgemmReadback}. The setup of every Citrate trial
 * first runs ONNX Runtime on the same inputs and checks that both agree: integers exactly, floats within 1e-3
 * of the larger of the expected element and the root mean square of the expected output.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TensorBenchmark {
  static final String ONNX_RUNTIME = "onnxruntime";
  private static final int READBACK_SIZE = 1024;
  private static final int CONV_CHANNELS = 64;
  private static final int CONV_SIDE = 56;
  private static final int CONV_FILTERS = 64;
  private static final int CONV_KERNEL = 3;
  private static final int INT8_SIZE = 1024;
  private static final int A_ZERO_POINT = 128;
  private static final int B_ZERO_POINT = 0;

  @State(Scope.Thread)
  public static class Sgemm {
    @Param({"256", "1024", "2048"})
    public int size;

    @Param({"opencl", "java", ONNX_RUNTIME})
    public String backend;

    Operation operation;

    @Setup
    public void setUp() throws OrtException {
      operation = sgemm(backend, size);
    }

    @TearDown
    public void tearDown() {
      operation.close();
    }
  }

  @State(Scope.Thread)
  public static class SgemmReadback {
    @Param({"opencl", "java", ONNX_RUNTIME})
    public String backend;

    Operation operation;

    @Setup
    public void setUp() throws OrtException {
      operation = sgemm(backend, READBACK_SIZE);
    }

    @TearDown
    public void tearDown() {
      operation.close();
    }
  }

  @State(Scope.Thread)
  public static class Conv {
    @Param({"opencl", "java", ONNX_RUNTIME})
    public String backend;

    Operation operation;

    @Setup
    public void setUp() throws OrtException {
      operation = conv(backend);
    }

    @TearDown
    public void tearDown() {
      operation.close();
    }
  }

  @State(Scope.Thread)
  public static class Int8Gemm {
    @Param({"opencl", "java", ONNX_RUNTIME})
    public String backend;

    Operation operation;

    @Setup
    public void setUp() throws OrtException {
      operation = int8Gemm(backend);
    }

    @TearDown
    public void tearDown() {
      operation.close();
    }
  }

  @Benchmark
  public void sgemm(Sgemm state) {
    state.operation.run();
  }

  @Benchmark
  public Object sgemmReadback(SgemmReadback state) {
    return state.operation.runAndRead();
  }

  @Benchmark
  public void conv2d(Conv state) {
    state.operation.run();
  }

  @Benchmark
  public void matMulInteger(Int8Gemm state) {
    state.operation.run();
  }

  private static Operation sgemm(String backend, int n) throws OrtException {
    SplittableRandom random = new SplittableRandom(n);
    float[] a = uniform(random, n * n);
    float[] b = uniform(random, n * n);
    OrtOperation peer = new OrtOperation(OnnxModel.matMul(n),
        Map.of("A", OrtOperation.floats(a, n, n), "B", OrtOperation.floats(b, n, n)),
        OnnxJavaType.FLOAT, n, n);
    return choose(backend, "sgemm " + n, peer, session -> {
      Tensor left = session.fromFloats(Shape.of(n, n), a);
      Tensor right = session.fromFloats(Shape.of(n, n), b);
      return () -> session.matmul(left, right);
    });
  }

  private static Operation conv(String backend) throws OrtException {
    SplittableRandom random = new SplittableRandom(CONV_SIDE);
    int[] inputShape = {1, CONV_CHANNELS, CONV_SIDE, CONV_SIDE};
    int[] weightShape = {CONV_FILTERS, CONV_CHANNELS, CONV_KERNEL, CONV_KERNEL};
    int[] outputShape = {1, CONV_FILTERS, CONV_SIDE, CONV_SIDE};
    float[] x = uniform(random, CONV_CHANNELS * CONV_SIDE * CONV_SIDE);
    float[] w = uniform(random, CONV_FILTERS * CONV_CHANNELS * CONV_KERNEL * CONV_KERNEL);
    int pad = CONV_KERNEL / 2;
    OrtOperation peer = new OrtOperation(
        OnnxModel.conv(longs(inputShape), longs(weightShape), w, pad, longs(outputShape)),
        Map.of("X", OrtOperation.floats(x, inputShape)), OnnxJavaType.FLOAT, outputShape);
    ConvOptions options = new ConvOptions(new int[] {1, 1}, new int[] {pad, pad, pad, pad}, new int[] {1, 1}, 1,
        AutoPad.NOTSET);
    return choose(backend, "conv2d", peer, session -> {
      Tensor input = session.fromFloats(Shape.of(inputShape), x);
      Tensor weights = session.fromFloats(Shape.of(weightShape), w);
      return () -> session.conv2d(input, weights, null, options);
    });
  }

  private static Operation int8Gemm(String backend) throws OrtException {
    int n = INT8_SIZE;
    SplittableRandom random = new SplittableRandom(n + 8);
    int[] a = random.ints(n * n, 0, 256).toArray();
    int[] b = random.ints(n * n, -128, 128).toArray();
    OrtOperation peer = new OrtOperation(OnnxModel.matMulInteger(n, A_ZERO_POINT, B_ZERO_POINT),
        Map.of("A", OrtOperation.bytes(a, OnnxJavaType.UINT8, n, n),
            "B", OrtOperation.bytes(b, OnnxJavaType.INT8, n, n)),
        OnnxJavaType.INT32, n, n);
    return choose(backend, "matMulInteger", peer, session -> {
      Tensor left = session.fromInts(DType.UINT8, Shape.of(n, n), a);
      Tensor right = session.fromInts(DType.INT8, Shape.of(n, n), b);
      Tensor leftZero = session.fromInts(DType.UINT8, Shape.scalar(), A_ZERO_POINT);
      Tensor rightZero = session.fromInts(DType.INT8, Shape.scalar(), B_ZERO_POINT);
      return () -> session.matMulInteger(left, right, leftZero, rightZero);
    });
  }

  /**
   * ONNX Runtime's operation for the {@code onnxruntime} backend; otherwise a Citrate session on the backend,
   * once its result has been checked against ONNX Runtime's, whose session is then closed so that its threads
   * do not compete with the measurement.
   */
  private static Operation choose(String backend, String subject, OrtOperation peer,
      Function<TensorSession, Supplier<Tensor>> upload) {
    if (backend.equals(ONNX_RUNTIME)) {
      return peer;
    }
    Object expected;
    try {
      expected = peer.runAndRead();
    } finally {
      peer.close();
    }
    CitrateOperation citrate = new CitrateOperation(backend, upload);
    try {
      check(subject + " on " + backend, citrate.runAndRead(), expected);
    } catch (RuntimeException e) {
      citrate.close();
      throw e;
    }
    return citrate;
  }

  private static void check(String what, Object actual, Object expected) {
    if (expected instanceof int[] want) {
      int[] got = (int[]) actual;
      int differs = Arrays.mismatch(got, want);
      if (differs >= 0) {
        throw new IllegalStateException(what + ": element " + differs + " is "
            + (differs < got.length ? got[differs] : "missing") + ", ONNX Runtime gives "
            + (differs < want.length ? want[differs] : "none"));
      }
      return;
    }
    float[] want = (float[]) expected;
    float[] got = (float[]) actual;
    if (got.length != want.length) {
      throw new IllegalStateException(what + ": " + got.length + " elements, ONNX Runtime gives " + want.length);
    }
    double sumOfSquares = 0;
    for (float value : want) {
      sumOfSquares += (double) value * value;
    }
    double rootMeanSquare = Math.sqrt(sumOfSquares / want.length);
    for (int i = 0; i < want.length; i++) {
      if (!(Math.abs(got[i] - want[i]) <= 1e-3 * Math.max(Math.abs(want[i]), rootMeanSquare))) {
        throw new IllegalStateException(what + ": element " + i + " is " + got[i] + ", ONNX Runtime gives "
            + want[i]);
      }
    }
  }

  private static float[] uniform(SplittableRandom random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }

  private static long[] longs(int[] values) {
    return Arrays.stream(values).asLongStream().toArray();
  }

  /** One operation with its inputs in place. */
  interface Operation extends AutoCloseable {
    /** Computes, leaving the result where the backend keeps it. */
    void run();

    /** Computes and returns the result in a Java array: float[] or int[]. */
    Object runAndRead();

    @Override
    void close();
  }

  /** A Citrate session in FAST mode with generous limits over the Java or OpenCL kernels. */
  static final class CitrateOperation implements Operation {
    private final Kernels kernels;
    private final Session session;
    private final Supplier<Tensor> operation;

    CitrateOperation(String backend, Function<TensorSession, Supplier<Tensor>> upload) {
      kernels = switch (backend) {
        case "java" -> new JavaKernels();
        case "opencl" -> OpenClKernels.open(OpenClDeviceSelector.ANY, null);
        default -> throw new IllegalArgumentException("unknown backend " + backend);
      };
      System.out.println("TENSOR-DEVICE " + backend + ": " + kernels.deviceName());
      session = new Session(kernels, NumericMode.FAST, TensorLimits.GENEROUS, OperationListener.NONE);
      operation = upload.apply(session);
    }

    @Override
    public void run() {
      operation.get().close();
    }

    @Override
    public Object runAndRead() {
      try (Tensor result = operation.get()) {
        return result.dtype() == DType.FLOAT32 ? session.readFloats(result) : session.readInts(result);
      }
    }

    @Override
    public void close() {
      session.close();
      kernels.close();
    }
  }

  /** An ONNX Runtime session on the CPU execution provider, its inputs and output tensors made once. */
  static final class OrtOperation implements Operation {
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final OnnxTensor output;
    private final Map<String, OnnxTensor> pinnedOutput;
    private final Buffer outputBuffer;

    OrtOperation(byte[] model, Map<String, OnnxTensor> inputs, OnnxJavaType outputType, int... outputShape)
        throws OrtException {
      this.inputs = inputs;
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = environment.createSession(model, options);
      }
      int count = Math.toIntExact(Arrays.stream(outputShape).asLongStream().reduce(1, Math::multiplyExact));
      ByteBuffer bytes = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
      if (outputType == OnnxJavaType.FLOAT) {
        FloatBuffer floats = bytes.asFloatBuffer();
        outputBuffer = floats;
        output = OnnxTensor.createTensor(environment, floats, longs(outputShape));
      } else {
        IntBuffer ints = bytes.asIntBuffer();
        outputBuffer = ints;
        output = OnnxTensor.createTensor(environment, ints, longs(outputShape));
      }
      pinnedOutput = Map.of("Y", output);
    }

    static OnnxTensor floats(float[] values, int... shape) {
      try {
        return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(values), longs(shape));
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime refused a float tensor", e);
      }
    }

    /** A UINT8 or INT8 tensor of values already in the type's range. */
    static OnnxTensor bytes(int[] values, OnnxJavaType type, int... shape) {
      ByteBuffer bytes = ByteBuffer.allocateDirect(values.length);
      for (int value : values) {
        bytes.put((byte) value);
      }
      try {
        return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), bytes.flip(), longs(shape), type);
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime refused an 8-bit tensor", e);
      }
    }

    @Override
    public void run() {
      try {
        // The result only lists the pinned output, which closing the result leaves open for the next run.
        session.run(inputs, pinnedOutput).close();
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime failed", e);
      }
    }

    @Override
    public Object runAndRead() {
      run();
      if (outputBuffer instanceof FloatBuffer floats) {
        float[] values = new float[floats.capacity()];
        floats.get(0, values);
        return values;
      }
      IntBuffer ints = (IntBuffer) outputBuffer;
      int[] values = new int[ints.capacity()];
      ints.get(0, values);
      return values;
    }

    @Override
    public void close() {
      output.close();
      inputs.values().forEach(OnnxTensor::close);
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("closing the ONNX Runtime session failed", e);
      }
    }
  }
}
