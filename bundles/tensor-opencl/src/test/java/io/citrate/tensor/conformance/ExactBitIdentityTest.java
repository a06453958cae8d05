package io.citrate.tensor.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.GeluApproximation;
import io.citrate.tensor.api.GemmOptions;
import io.citrate.tensor.api.MaxPoolResult;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.opencl.OpenClDeviceSelector;
import io.citrate.tensor.internal.opencl.OpenClKernels;
import io.citrate.tensor.internal.session.OperationListener;
import io.citrate.tensor.internal.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The same random EXACT program on the Java reference kernels and on the OpenCL kernels gives the same bits:
 * every output's type, shape and raw values, or the same refusal. Values are drawn to hit the edges of EXACT
 * arithmetic: the extreme raw values (overflow and saturation), products and quotients that land exactly on
 * half a unit (ties, both signs), zero divisors. Each try draws its structure and values from a seed, so a
 * failure names the seed that reproduces it.
 */
class ExactBitIdentityTest {
  private static final int ONE = FixedPoint.ONE;
  private static final int[] EDGE_VALUES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE,
      Integer.MAX_VALUE - 1, 0, 1, -1, ONE, -ONE, ONE / 2, -ONE / 2, ONE / 2 + 1, -(ONE / 2) - 1, 3 * ONE / 2,
      -3 * ONE / 2, 0x7FFF, 0x8000, -0x8000, 32767 * ONE, -32768 * ONE, 181 * ONE, -182 * ONE};
  private static final float[] SCALES = {1f, 0.5f, 0.25f, 2f, 0.1f, 0.0066f, 0.00705f, 0.0107f, 3.7f, 1e-3f};

  private static Kernels javaKernels;
  private static Kernels openClKernels;

  enum BinaryOperation {
    ADD(TensorSession::add),
    SUB(TensorSession::sub),
    MUL(TensorSession::mul),
    DIV(TensorSession::div),
    MIN(TensorSession::min),
    MAX(TensorSession::max);

    final Function3 call;

    BinaryOperation(Function3 call) {
      this.call = call;
    }
  }

  @FunctionalInterface
  interface Function3 {
    Tensor apply(TensorSession session, Tensor a, Tensor b);
  }

  @BeforeContainer
  static void openBackends() {
    javaKernels = new JavaKernels();
    openClKernels = OpenClKernels.open(OpenClDeviceSelector.ANY, null);
  }

  @AfterContainer
  static void closeBackends() {
    if (javaKernels != null) {
      javaKernels.close();
    }
    if (openClKernels != null) {
      openClKernels.close();
    }
  }

  // ---- element-wise

  @Property(tries = 200)
  void elementwiseBinaryWithBroadcasting(@ForAll BinaryOperation operation, @ForAll boolean fixedPoint,
      @ForAll long seed) {
    DType type = fixedPoint ? DType.Q16_16 : DType.INT32;
    assertIdentical(seed, true, (session, random) -> {
      int[][] shapes = broadcastShapes(random);
      Tensor a = session.fromInts(type, Shape.of(shapes[0]), values(random, shapes[0]));
      Tensor b = session.fromInts(type, Shape.of(shapes[1]), values(random, shapes[1]));
      return List.of(operation.call.apply(session, a, b));
    });
  }

  /**
   * Products {@code (±odd * 2^s) * (±2^(15 - s))} and quotients {@code ±odd / ±2^17} (raw) land exactly on half a
   * unit; both backends round them to even, as {@link FixedPoint} does on the host.
   */
  @Example
  void fixedPointTiesRoundToEvenIdenticallyAndAsSpecified() {
    int count = 64;
    int[] factors = new int[count];
    int[] powers = new int[count];
    int[] dividends = new int[count];
    int[] divisors = new int[count];
    for (int i = 0; i < count; i++) {
      int shift = i % 16;
      int odd = 2 * (i / 2) + 1;
      int sign = i % 4 < 2 ? 1 : -1;
      int otherSign = i % 3 == 0 ? -1 : 1;
      factors[i] = sign * (odd << shift);
      powers[i] = otherSign * (1 << (15 - shift));
      dividends[i] = sign * odd;
      divisors[i] = otherSign * (1 << 17);
    }
    assertTiesMatchTheSpecification(BinaryOperation.MUL, factors, powers);
    assertTiesMatchTheSpecification(BinaryOperation.DIV, dividends, divisors);
  }

  private static void assertTiesMatchTheSpecification(BinaryOperation operation, int[] a, int[] b) {
    Shape shape = Shape.of(a.length);
    List<String> outcomes = runOnBoth(0, (session, random) -> List.of(operation.call.apply(session,
        session.fromInts(DType.Q16_16, shape, a), session.fromInts(DType.Q16_16, shape, b))));
    int[] expected = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      expected[i] = operation == BinaryOperation.MUL ? FixedPoint.multiply(a[i], b[i])
          : FixedPoint.divide(a[i], b[i]);
    }
    assertThat(outcomes.get(1)).as(operation + " on opencl").isEqualTo(outcomes.get(0));
    assertThat(outcomes.get(0)).as(operation + " on java").isEqualTo(describe(DType.Q16_16, shape, expected));
  }

  @Example
  void divisionByZeroSaturatesByTheDividendsSign() {
    int[] dividends = {5, -5, 0, Integer.MAX_VALUE, Integer.MIN_VALUE};
    List<String> outcomes = runOnBoth(0, (session, random) -> List.of(session.div(
        session.fromInts(DType.Q16_16, Shape.of(5), dividends), session.fromInts(DType.Q16_16, Shape.scalar(), 0))));
    assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1)).isEqualTo(describe(DType.Q16_16, Shape.of(5),
        new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE, Integer.MIN_VALUE}));
  }

  /** relu and clip on Q16_16 or INT32; leakyRelu, whose slope is fractional, on Q16_16 only. */
  @Property(tries = 100)
  void activationsAndClip(@ForAll @IntRange(min = 0, max = 2) int kind, @ForAll boolean fixedPoint,
      @ForAll long seed) {
    DType type = fixedPoint || kind == 1 ? DType.Q16_16 : DType.INT32;
    assertIdentical(seed, true, (session, random) -> {
      int[] dims = randomDims(random, 0, 3, 6);
      Tensor x = session.fromInts(type, Shape.of(dims), values(random, dims));
      return List.of(switch (kind) {
        case 0 -> session.relu(x);
        case 1 -> session.leakyRelu(x, SCALES[random.nextInt(SCALES.length)] * (random.nextBoolean() ? 1 : -1));
        default -> {
          double low = FixedPoint.toDouble(raw(random));
          double high = random.nextInt(4) == 0 ? low - 1 : FixedPoint.toDouble(raw(random));
          yield session.clip(x, random.nextInt(5) == 0 ? Double.NEGATIVE_INFINITY : low,
              random.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : high);
        }
      });
    });
  }

  @Property(tries = 100)
  void convertBetweenExactTypes(@ForAll("exactTypes") DType from, @ForAll("exactTypes") DType to,
      @ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      int[] dims = randomDims(random, 0, 3, 6);
      return List.of(session.convert(session.fromInts(from, Shape.of(dims), values(random, from, dims)), to));
    });
  }

  @Provide
  Arbitrary<DType> exactTypes() {
    return Arbitraries.of(DType.INT8, DType.UINT8, DType.INT32, DType.Q16_16);
  }

  // ---- linear algebra and convolution

  @Property(tries = 100)
  void matmulOnFixedPoint(@ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      int m = size(random);
      int k = size(random);
      int n = size(random);
      int[] aDims;
      int[] bDims;
      switch (random.nextInt(4)) {
        case 0 -> {
          aDims = new int[] {k};
          bDims = new int[] {k, n};
        }
        case 1 -> {
          aDims = new int[] {m, k};
          bDims = new int[] {k};
        }
        case 2 -> {
          int batch = 1 + random.nextInt(3);
          aDims = new int[] {batch, m, k};
          bDims = random.nextBoolean() ? new int[] {k, n} : new int[] {random.nextBoolean() ? 1 : batch, k, n};
        }
        default -> {
          aDims = new int[] {m, k};
          bDims = new int[] {k, n};
        }
      }
      return List.of(session.matmul(session.fromInts(DType.Q16_16, Shape.of(aDims), values(random, aDims)),
          session.fromInts(DType.Q16_16, Shape.of(bDims), values(random, bDims))));
    });
  }

  @Property(tries = 100)
  void gemmOnFixedPoint(@ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      int m = size(random);
      int k = size(random);
      int n = size(random);
      boolean transA = random.nextBoolean();
      boolean transB = random.nextBoolean();
      int[] aDims = transA ? new int[] {k, m} : new int[] {m, k};
      int[] bDims = transB ? new int[] {n, k} : new int[] {k, n};
      int[][] biasShapes = {{}, {n}, {1, n}, {m, 1}, {m, n}, {1}};
      int[] cDims = biasShapes[random.nextInt(biasShapes.length)];
      Tensor c = random.nextInt(5) == 0 ? null
          : session.fromInts(DType.Q16_16, Shape.of(cDims), values(random, cDims));
      float[] factors = {1f, 0.5f, -1.5f, 0.1f, 2f, 0f};
      GemmOptions options = new GemmOptions(factors[random.nextInt(factors.length)],
          factors[random.nextInt(factors.length)], transA, transB);
      return List.of(session.gemm(session.fromInts(DType.Q16_16, Shape.of(aDims), values(random, aDims)),
          session.fromInts(DType.Q16_16, Shape.of(bDims), values(random, bDims)), c, options));
    });
  }

  @Property(tries = 100)
  void conv2dOnFixedPoint(@ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      ConvCase conv = ConvCase.draw(random);
      Tensor bias = random.nextBoolean() ? null
          : session.fromInts(DType.Q16_16, Shape.of(conv.outputChannels), values(random, conv.outputChannels));
      return List.of(session.conv2d(session.fromInts(DType.Q16_16, Shape.of(conv.input), values(random, conv.input)),
          session.fromInts(DType.Q16_16, Shape.of(conv.weights), values(random, conv.weights)), bias,
          conv.options));
    });
  }

  @Property(tries = 100)
  void convInteger(@ForAll boolean signedInput, @ForAll boolean signedWeights, @ForAll long seed) {
    DType xType = signedInput ? DType.INT8 : DType.UINT8;
    DType wType = signedWeights ? DType.INT8 : DType.UINT8;
    assertIdentical(seed, true, (session, random) -> {
      ConvCase conv = ConvCase.draw(random);
      Tensor xZero = random.nextBoolean() ? null : scalarOf(session, random, xType);
      Tensor wZero = random.nextBoolean() ? null : perChannelOrScalar(session, random, wType, conv.outputChannels);
      return List.of(session.convInteger(bytes(session, random, xType, conv.input), bytes(session, random, wType,
          conv.weights), xZero, wZero, conv.options));
    });
  }

  @Property(tries = 100)
  void qLinearConv(@ForAll boolean signed, @ForAll long seed) {
    DType type = signed ? DType.INT8 : DType.UINT8;
    assertIdentical(seed, true, (session, random) -> {
      ConvCase conv = ConvCase.draw(random);
      int channels = conv.outputChannels;
      Tensor bias = random.nextBoolean() ? null : session.fromInts(DType.INT32, Shape.of(channels),
          randomInts(random, channels, -5000, 5000));
      return List.of(session.qLinearConv(bytes(session, random, type, conv.input), scale(session, random),
          scalarOf(session, random, type), bytes(session, random, type, conv.weights),
          random.nextBoolean() ? scale(session, random) : scales(session, random, channels),
          scalarOf(session, random, type), scale(session, random), scalarOf(session, random, type), bias,
          conv.options));
    });
  }

  @Property(tries = 100)
  void matMulInteger(@ForAll boolean signedA, @ForAll boolean signedB, @ForAll long seed) {
    DType aType = signedA ? DType.INT8 : DType.UINT8;
    DType bType = signedB ? DType.INT8 : DType.UINT8;
    assertIdentical(seed, true, (session, random) -> {
      int m = size(random);
      int k = size(random);
      int n = size(random);
      int[] aDims = random.nextBoolean() ? new int[] {m, k} : new int[] {1 + random.nextInt(3), m, k};
      Tensor aZero = random.nextBoolean() ? null : perChannelOrScalar(session, random, aType, m);
      Tensor bZero = random.nextBoolean() ? null : perChannelOrScalar(session, random, bType, n);
      return List.of(session.matMulInteger(bytes(session, random, aType, aDims), bytes(session, random, bType,
          new int[] {k, n}), aZero, bZero));
    });
  }

  @Property(tries = 100)
  void qLinearMatMul(@ForAll boolean signed, @ForAll long seed) {
    DType type = signed ? DType.INT8 : DType.UINT8;
    assertIdentical(seed, true, (session, random) -> {
      int m = size(random);
      int k = size(random);
      int n = size(random);
      int[] aDims = random.nextBoolean() ? new int[] {m, k} : new int[] {1 + random.nextInt(3), m, k};
      return List.of(session.qLinearMatMul(bytes(session, random, type, aDims), scale(session, random),
          scalarOf(session, random, type), bytes(session, random, type, new int[] {k, n}), scale(session, random),
          scalarOf(session, random, type), scale(session, random), scalarOf(session, random, type)));
    });
  }

  // ---- pools, reductions, normalisation, quantization

  @Property(tries = 100)
  void maxPoolWithIndices(@ForAll("exactTypes") DType type, @ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      PoolCase pool = PoolCase.draw(random);
      MaxPoolResult result = session.maxPoolWithIndices(session.fromInts(type, Shape.of(pool.input),
          values(random, type, pool.input)), pool.options);
      return List.of(result.values(), result.indices());
    });
  }

  @Property(tries = 100)
  void averagePools(@ForAll boolean global, @ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      PoolCase pool = PoolCase.draw(random);
      Tensor x = session.fromInts(DType.Q16_16, Shape.of(pool.input), values(random, pool.input));
      return List.of(global ? session.globalAveragePool(x) : session.averagePool(x, pool.options));
    });
  }

  @Property(tries = 100)
  void reductions(@ForAll @IntRange(min = 0, max = 2) int kind, @ForAll boolean keepDims, @ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      int[] dims = randomDims(random, 1, 4, 5);
      List<Integer> axes = new ArrayList<>();
      for (int axis = 0; axis < dims.length; axis++) {
        if (random.nextInt(3) == 0) {
          axes.add(random.nextBoolean() ? axis : axis - dims.length);
        }
      }
      int[] axisArray = axes.stream().mapToInt(Integer::intValue).toArray();
      Tensor x = session.fromInts(DType.Q16_16, Shape.of(dims), values(random, dims));
      return List.of(switch (kind) {
        case 0 -> session.reduceSum(x, axisArray, keepDims);
        case 1 -> session.reduceMean(x, axisArray, keepDims);
        default -> session.reduceMax(x, axisArray, keepDims);
      });
    });
  }

  @Property(tries = 100)
  void quantizeAndDequantize(@ForAll boolean signed, @ForAll boolean perAxis, @ForAll long seed) {
    DType type = signed ? DType.INT8 : DType.UINT8;
    assertIdentical(seed, true, (session, random) -> {
      int[] dims = randomDims(random, 1, 4, 5);
      int axis = random.nextInt(dims.length);
      Tensor scale = perAxis ? scales(session, random, dims[axis]) : scale(session, random);
      Tensor zeroPoint = random.nextInt(4) == 0 ? null
          : perAxis ? bytes(session, random, type, new int[] {dims[axis]}) : scalarOf(session, random, type);
      if (zeroPoint == null && signed) {
        zeroPoint = session.fromInts(type, perAxis ? Shape.of(dims[axis]) : Shape.scalar(),
            new int[perAxis ? dims[axis] : 1]);
      }
      Tensor x = session.fromInts(DType.Q16_16, Shape.of(dims), values(random, dims));
      Tensor quantized = session.quantizeLinear(x, scale, zeroPoint, axis);
      Tensor q = bytes(session, random, type, dims);
      return List.of(quantized, session.dequantizeLinear(q, scale, zeroPoint, axis),
          session.dequantizeLinear(quantized, scale, zeroPoint, axis));
    });
  }

  /** Q16_16 input; the per-channel parameters are FLOAT32, folded on the host into a fixed-point affine map. */
  @Property(tries = 100)
  void batchNormInExact(@ForAll long seed) {
    assertIdentical(seed, true, (session, random) -> {
      int channels = 1 + random.nextInt(4);
      int[] dims = {1 + random.nextInt(2), channels, 1 + random.nextInt(4), 1 + random.nextInt(4)};
      float[] epsilons = {1e-5f, 0.01f, 0.5f};
      return List.of(session.batchNorm(session.fromInts(DType.Q16_16, Shape.of(dims), values(random, dims)),
          parameters(session, random, channels, -4, 4), parameters(session, random, channels, -4, 4),
          parameters(session, random, channels, -4, 4), parameters(session, random, channels, 0, 8),
          epsilons[random.nextInt(epsilons.length)]));
    });
  }

  // ---- conversions of reals and refusals

  @Example
  void negativeZeroBecomesRawZeroOnBothBackends() {
    List<String> outcomes = runOnBoth(0, (session, random) -> List.of(
        session.fromFloatsAsFixed(Shape.of(3), -0.0f, 0.0f, -1.5f),
        session.mul(session.fromFloatsAsFixed(Shape.scalar(), -0.0f), session.fromInts(DType.Q16_16, Shape.scalar(),
            Integer.MIN_VALUE))));
    assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1)).isEqualTo(describe(DType.Q16_16, Shape.of(3),
        new int[] {0, 0, -3 * ONE / 2}) + " | " + describe(DType.Q16_16, Shape.scalar(), new int[] {0}));
  }

  @Example
  void nonFiniteRealsAreRefusedAsNotFinite() {
    for (Kernels kernels : List.of(javaKernels, openClKernels)) {
      for (NumericMode mode : NumericMode.values()) {
        try (TensorSession session = session(kernels, mode)) {
          for (float value : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> session.fromFloatsAsFixed(Shape.of(2), 1f, value))
                .isInstanceOfSatisfying(TensorException.class,
                    e -> assertThat(e.kind()).isEqualTo(TensorException.Kind.NOT_FINITE));
          }
          assertThat(session.bytesInUse()).isZero();
        }
      }
    }
  }

  @Example
  void exactRefusesFloatWorkThatFastAccepts() {
    List<BiFunction<TensorSession, Tensor, Tensor>> floatOnly = List.of(TensorSession::exp, TensorSession::log,
        TensorSession::sqrt, TensorSession::sigmoid, TensorSession::tanh, TensorSession::erf,
        (session, x) -> session.softmax(x, -1), (session, x) -> session.pow(x, x),
        (session, x) -> session.gelu(x, GeluApproximation.NONE));
    for (Kernels kernels : List.of(javaKernels, openClKernels)) {
      try (TensorSession exact = session(kernels, NumericMode.EXACT);
          TensorSession fast = session(kernels, NumericMode.FAST)) {
        Tensor fixed = exact.fromFloatsAsFixed(Shape.of(2, 2), 0.5f, 1f, 2f, 4f);
        Tensor floats = exact.fromFloats(Shape.of(2, 2), 0.5f, 1f, 2f, 4f);
        Tensor fastFloats = fast.fromFloats(Shape.of(2, 2), 0.5f, 1f, 2f, 4f);
        for (BiFunction<TensorSession, Tensor, Tensor> operation : floatOnly) {
          assertThatThrownBy(() -> operation.apply(exact, fixed)).as(kernels.backendName())
              .isInstanceOfSatisfying(TensorException.class,
                  e -> assertThat(e.kind()).isEqualTo(TensorException.Kind.UNSUPPORTED_IN_EXACT));
          assertThat(operation.apply(fast, fastFloats).dtype()).isEqualTo(DType.FLOAT32);
        }
        assertThatThrownBy(() -> exact.add(floats, floats)).as(kernels.backendName())
            .isInstanceOfSatisfying(TensorException.class,
                e -> assertThat(e.kind()).isEqualTo(TensorException.Kind.UNSUPPORTED_IN_EXACT));
        assertThat(fast.add(fastFloats, fastFloats).dtype()).isEqualTo(DType.FLOAT32);
      }
    }
  }

  // ---- running a program on both backends

  /** A program: what to compute in a session, drawing its structure and values from the random source. */
  @FunctionalInterface
  interface Program {
    List<Tensor> run(TensorSession session, Random random);
  }

  private static void assertIdentical(long seed, boolean mustSucceed, Program program) {
    List<String> outcomes = runOnBoth(seed, program);
    assertThat(outcomes.get(1)).as("opencl against java, seed " + seed).isEqualTo(outcomes.get(0));
    if (mustSucceed) {
      assertThat(outcomes.get(0)).as("seed " + seed).doesNotStartWith("refused");
    }
  }

  /** The program's outcome on java, then on opencl, from the same seed. */
  private static List<String> runOnBoth(long seed, Program program) {
    List<String> outcomes = new ArrayList<>();
    for (Kernels kernels : List.of(javaKernels, openClKernels)) {
      try (TensorSession session = session(kernels, NumericMode.EXACT)) {
        outcomes.add(outcome(session, program, new Random(seed)));
      }
    }
    return outcomes;
  }

  private static String outcome(TensorSession session, Program program, Random random) {
    try {
      List<String> described = new ArrayList<>();
      for (Tensor tensor : program.run(session, random)) {
        described.add(describe(tensor.dtype(), tensor.shape(), session.readInts(tensor)));
      }
      return String.join(" | ", described);
    } catch (TensorException e) {
      return "refused " + e.kind() + ": " + e.getMessage();
    }
  }

  private static String describe(DType type, Shape shape, int[] values) {
    return type + shape.toString() + Arrays.toString(values);
  }

  private static TensorSession session(Kernels kernels, NumericMode mode) {
    return new Session(kernels, mode, TensorLimits.GENEROUS, OperationListener.NONE);
  }

  // ---- drawing values and shapes

  /** A raw Q16.16 or INT32 value: edges, ties (odd multiples and powers of two), small values or anything. */
  static int raw(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
      case 1 -> random.nextInt();
      case 2 -> (random.nextBoolean() ? 1 : -1) * (1 << random.nextInt(17));
      case 3 -> (random.nextBoolean() ? 1 : -1) * ((2 * random.nextInt(64) + 1) << random.nextInt(8));
      case 4 -> 0;
      default -> random.nextInt(16 * ONE) - 8 * ONE;
    };
  }

  private static int[] values(Random random, int... dims) {
    return values(random, DType.Q16_16, dims);
  }

  private static int[] values(Random random, DType type, int... dims) {
    int count = Math.toIntExact(Shape.of(dims).elementCount());
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = switch (type) {
        case INT8 -> random.nextInt(256) - 128;
        case UINT8 -> random.nextInt(256);
        default -> raw(random);
      };
    }
    return values;
  }

  private static int[] randomInts(Random random, int count, int low, int high) {
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = low + random.nextInt(high - low + 1);
    }
    return values;
  }

  /** 1 often, odd sizes, up to 9. */
  private static int size(Random random) {
    int[] sizes = {1, 1, 2, 3, 4, 5, 7, 8, 9};
    return sizes[random.nextInt(sizes.length)];
  }

  private static int[] randomDims(Random random, int minRank, int maxRank, int maxDim) {
    int[] dims = new int[minRank + random.nextInt(maxRank - minRank + 1)];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = 1 + random.nextInt(maxDim);
    }
    return dims;
  }

  /** Two shapes that broadcast: a common shape with dimensions set to 1 or dropped from the front. */
  private static int[][] broadcastShapes(Random random) {
    int[] full = randomDims(random, 0, 4, 5);
    int[][] shapes = new int[2][];
    for (int s = 0; s < 2; s++) {
      int dropped = full.length == 0 ? 0 : random.nextInt(full.length + 1);
      int[] dims = Arrays.copyOfRange(full, dropped, full.length);
      for (int i = 0; i < dims.length; i++) {
        if (random.nextInt(3) == 0) {
          dims[i] = 1;
        }
      }
      shapes[s] = dims;
    }
    return shapes;
  }

  private static Tensor bytes(TensorSession session, Random random, DType type, int[] dims) {
    return session.fromInts(type, Shape.of(dims), values(random, type, dims));
  }

  private static Tensor scalarOf(TensorSession session, Random random, DType type) {
    return session.fromInts(type, Shape.scalar(), values(random, type));
  }

  private static Tensor perChannelOrScalar(TensorSession session, Random random, DType type, int channels) {
    return random.nextBoolean() ? scalarOf(session, random, type) : bytes(session, random, type,
        new int[] {channels});
  }

  /** FLOAT32 values in [low, high], a quarter of them whole numbers or zero. */
  private static Tensor parameters(TensorSession session, Random random, int count, int low, int high) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      float value = low + random.nextFloat() * (high - low);
      values[i] = random.nextInt(4) == 0 ? Math.round(value) : value;
    }
    return session.fromFloats(Shape.of(count), values);
  }

  private static Tensor scale(TensorSession session, Random random) {
    return session.fromFloats(Shape.scalar(), SCALES[random.nextInt(SCALES.length)]);
  }

  private static Tensor scales(TensorSession session, Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = SCALES[random.nextInt(SCALES.length)];
    }
    return session.fromFloats(Shape.of(count), values);
  }

  /** A valid 2-D convolution: groups, strides, pads, dilations and auto_pad drawn together. */
  private record ConvCase(int[] input, int[] weights, int outputChannels, ConvOptions options) {
    static ConvCase draw(Random random) {
      int groups = 1 + random.nextInt(2);
      int inputChannels = groups * (1 + random.nextInt(2));
      int outputChannels = groups * (1 + random.nextInt(3));
      int kernelH = 1 + random.nextInt(3);
      int kernelW = 1 + random.nextInt(3);
      int[] dilations = {1 + random.nextInt(2), 1 + random.nextInt(2)};
      int[] strides = {1 + random.nextInt(2), 1 + random.nextInt(2)};
      int[] pads = {random.nextInt(kernelH), random.nextInt(kernelW), random.nextInt(kernelH),
          random.nextInt(kernelW)};
      int height = (kernelH - 1) * dilations[0] + 1 + random.nextInt(5);
      int width = (kernelW - 1) * dilations[1] + 1 + random.nextInt(5);
      AutoPad[] autoPads = {AutoPad.NOTSET, AutoPad.NOTSET, AutoPad.SAME_UPPER, AutoPad.SAME_LOWER, AutoPad.VALID};
      AutoPad autoPad = autoPads[random.nextInt(autoPads.length)];
      ConvOptions options = new ConvOptions(strides, autoPad == AutoPad.NOTSET ? pads : new int[0], dilations,
          groups, autoPad);
      return new ConvCase(new int[] {1 + random.nextInt(2), inputChannels, height, width},
          new int[] {outputChannels, inputChannels / groups, kernelH, kernelW}, outputChannels, options);
    }
  }

  /** A valid pool over 1, 2 or 3 spatial dimensions, with pads, dilations, ceil mode and count_include_pad. */
  private record PoolCase(int[] input, PoolOptions options) {
    static PoolCase draw(Random random) {
      int spatial = 1 + random.nextInt(3);
      int[] input = new int[2 + spatial];
      input[0] = 1 + random.nextInt(2);
      input[1] = 1 + random.nextInt(3);
      int[] kernel = new int[spatial];
      int[] strides = new int[spatial];
      int[] dilations = new int[spatial];
      int[] pads = new int[2 * spatial];
      for (int i = 0; i < spatial; i++) {
        kernel[i] = 1 + random.nextInt(3);
        strides[i] = 1 + random.nextInt(2);
        dilations[i] = spatial == 3 ? 1 : 1 + random.nextInt(2);
        pads[i] = random.nextInt(kernel[i]);
        pads[spatial + i] = random.nextInt(kernel[i]);
        input[2 + i] = (kernel[i] - 1) * dilations[i] + 1 + random.nextInt(spatial == 3 ? 3 : 6);
      }
      boolean explicitPads = random.nextInt(3) != 0;
      return new PoolCase(input, new PoolOptions(kernel, strides, explicitPads ? pads : new int[0], dilations,
          AutoPad.NOTSET, random.nextBoolean(), random.nextBoolean()));
    }
  }
}
