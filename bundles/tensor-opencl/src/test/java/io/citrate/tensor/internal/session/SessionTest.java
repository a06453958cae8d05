package io.citrate.tensor.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.Cost;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.GeluApproximation;
import io.citrate.tensor.api.GemmOptions;
import io.citrate.tensor.api.LayerNormResult;
import io.citrate.tensor.api.MaxPoolResult;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.kernel.Kernels;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The session end to end on the Java reference kernels. */
class SessionTest {
  private static final int[] NONE = new int[0];

  private final JavaKernels kernels = new JavaKernels();
  private final List<String> events = new ArrayList<>();
  private final OperationListener recorder = new OperationListener() {
    @Override
    public void completed(String operation, Cost cost, long nanos) {
      events.add(operation + " " + cost.multiplyAccumulates() + "/" + cost.bytesMoved());
    }

    @Override
    public void refused(String operation, Kind kind) {
      events.add(operation + " " + kind);
    }
  };
  private final Session fast = new Session(kernels, NumericMode.FAST, TensorLimits.GENEROUS, recorder);
  private final Session exact = new Session(kernels, NumericMode.EXACT, TensorLimits.GENEROUS, recorder);

  @AfterEach
  void closeSessions() {
    fast.close();
    exact.close();
    assertThat(fast.bytesInUse()).isZero();
  }

  private Tensor floats(Session session, float[] values, int... dims) {
    return session.fromFloats(Shape.of(dims), values);
  }

  private Tensor ints(Session session, DType dtype, int[] values, int... dims) {
    return session.fromInts(dtype, Shape.of(dims), values);
  }

  private Tensor fixed(Session session, float[] values, int... dims) {
    return session.fromFloatsAsFixed(Shape.of(dims), values);
  }

  private static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call).isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(kind);
  }

  private static float[] f(float... values) {
    return values;
  }

  /** {@code first, first + 1, ...}, count of them. */
  private static float[] counting(int count, float first) {
    float[] values = new float[count];
    for (int k = 0; k < count; k++) {
      values[k] = first + k;
    }
    return values;
  }

  private static int[] i(int... values) {
    return values;
  }

  @Nested
  class Transfers {
    @Test
    void floatsRoundTripAndCostTheirBytes() {
      Tensor t = floats(fast, f(1, 2, 3, 4, 5, 6), 2, 3);
      assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
      assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
      assertThat(fast.lastCost()).isEqualTo(new Cost(0, 24, 1));
      assertThat(fast.readFloats(t)).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(fast.lastCost()).isEqualTo(new Cost(0, 24, 1));
      assertThat(fast.cost()).isEqualTo(new Cost(0, 48, 2));
      assertThat(fast.bytesInUse()).isEqualTo(24);
      assertThat(events).containsExactly("fromFloats 0/24", "readFloats 0/24");
    }

    @Test
    void integersAndFixedPoint() {
      Tensor i8 = ints(fast, DType.INT8, i(-128, 127), 2);
      assertThat(fast.readInts(i8)).containsExactly(-128, 127);
      assertThat(fast.readFloats(i8)).containsExactly(-128, 127);
      Tensor q = fixed(exact, f(1.5f, -0.25f), 2);
      assertThat(exact.readInts(q)).containsExactly(3 * FixedPoint.ONE / 2, -FixedPoint.ONE / 4);
      assertThat(exact.readFloats(q)).containsExactly(1.5f, -0.25f);
      Tensor scalar = ints(fast, DType.INT32, i(7));
      assertThat(scalar.shape().rank()).isZero();
      assertThat(fast.readInts(scalar)).containsExactly(7);
    }

    @Test
    void refusesWrongCountsRangesAndTypes() {
      assertKind(() -> floats(fast, f(1, 2, 3), 2, 2), Kind.SHAPE_MISMATCH);
      assertKind(() -> ints(fast, DType.UINT8, i(256), 1), Kind.INVALID_ARGUMENT);
      assertKind(() -> ints(fast, DType.INT8, i(-129), 1), Kind.INVALID_ARGUMENT);
      assertKind(() -> ints(fast, DType.FLOAT32, i(1), 1), Kind.WRONG_DTYPE);
      assertKind(() -> fixed(exact, f(Float.NaN), 1), Kind.NOT_FINITE);
      assertKind(() -> fixed(exact, f(Float.POSITIVE_INFINITY), 1), Kind.NOT_FINITE);
      assertKind(() -> fast.readInts(floats(fast, f(1), 1)), Kind.WRONG_DTYPE);
      assertKind(() -> fast.fromFloats(null, f(1)), Kind.INVALID_ARGUMENT);
      assertThat(events).contains("fromFloats SHAPE_MISMATCH", "fromInts INVALID_ARGUMENT",
          "fromFloatsAsFixed NOT_FINITE", "readInts WRONG_DTYPE");
    }

    @Test
    void convertsBetweenTypes() {
      Tensor x = floats(fast, f(-1.7f, 2.9f, 300f, Float.NaN), 4);
      assertThat(fast.readInts(fast.convert(x, DType.INT8))).containsExactly(-1, 2, 127, 0);
      Tensor q = fast.convert(ints(fast, DType.INT32, i(3, -2), 2), DType.Q16_16);
      assertThat(fast.lastCost()).isEqualTo(new Cost(2, 16, 1));
      assertThat(fast.readInts(q)).containsExactly(3 << 16, -2 << 16);
      Tensor same = fast.convert(q, DType.Q16_16);
      assertThat(fast.readInts(same)).containsExactly(3 << 16, -2 << 16);
      assertKind(() -> exact.convert(ints(exact, DType.INT32, i(1), 1), DType.FLOAT32), Kind.UNSUPPORTED_IN_EXACT);
      assertKind(() -> exact.convert(floats(exact, f(1), 1), DType.INT32), Kind.UNSUPPORTED_IN_EXACT);
    }
  }

  @Nested
  class ElementWise {
    @Test
    void binaryOperationsBroadcast() {
      Tensor a = floats(fast, f(1, 2, 3, 4, 5, 6), 2, 3);
      Tensor b = floats(fast, f(10, 20, 30), 3);
      Tensor sum = fast.add(a, b);
      assertThat(fast.lastCost()).isEqualTo(new Cost(6, 24 + 12 + 24, 1));
      assertThat(fast.readFloats(sum)).containsExactly(11, 22, 33, 14, 25, 36);
      assertThat(fast.readFloats(fast.sub(b, a))).containsExactly(9, 18, 27, 6, 15, 24);
      assertThat(fast.readFloats(fast.mul(a, b))).containsExactly(10, 40, 90, 40, 100, 180);
      assertThat(fast.readFloats(fast.div(b, a))).containsExactly(10, 10, 10, 2.5f, 4, 5);
      assertThat(fast.readFloats(fast.min(a, floats(fast, f(3), 1)))).containsExactly(1, 2, 3, 3, 3, 3);
      assertThat(fast.readFloats(fast.max(a, floats(fast, f(3)))))
          .containsExactly(3, 3, 3, 4, 5, 6);
      assertThat(fast.readFloats(fast.pow(a, floats(fast, f(2))))).containsExactly(f(1, 4, 9, 16, 25, 36),
          within(1e-4f));
    }

    @Test
    void integerAndFixedPointArithmeticInExact() {
      Tensor a = ints(exact, DType.INT32, i(7, -7), 2);
      Tensor b = ints(exact, DType.INT32, i(2), 1);
      assertThat(exact.readInts(exact.div(a, b))).containsExactly(3, -3);
      Tensor x = fixed(exact, f(1.5f, -2f), 2);
      Tensor y = fixed(exact, f(0.5f), 1);
      assertThat(exact.readFloats(exact.mul(x, y))).containsExactly(0.75f, -1f);
    }

    @Test
    void refusesMismatchedTypesShapesAndFloatsInExact() {
      Tensor a = floats(fast, f(1, 2), 2);
      assertKind(() -> fast.add(a, ints(fast, DType.INT32, i(1, 2), 2)), Kind.WRONG_DTYPE);
      assertKind(() -> fast.add(a, floats(fast, f(1, 2, 3), 3)), Kind.SHAPE_MISMATCH);
      assertKind(() -> fast.pow(ints(fast, DType.INT32, i(1), 1), ints(fast, DType.INT32, i(1), 1)),
          Kind.WRONG_DTYPE);
      Tensor e = floats(exact, f(1, 2), 2);
      assertKind(() -> exact.add(e, e), Kind.UNSUPPORTED_IN_EXACT);
      Tensor q = fixed(exact, f(1), 1);
      assertKind(() -> exact.pow(q, q), Kind.UNSUPPORTED_IN_EXACT);
    }

    @Test
    void whereSelectsByCondition() {
      Tensor condition = ints(fast, DType.UINT8, i(1, 0, 2), 3);
      Tensor x = floats(fast, f(1, 2, 3), 3);
      Tensor y = floats(fast, f(-1), 1);
      assertThat(fast.readFloats(fast.where(condition, x, y))).containsExactly(1, -1, 3);
      assertKind(() -> fast.where(x, x, y), Kind.WRONG_DTYPE);
    }

    @Test
    void unaryOperations() {
      Tensor x = floats(fast, f(-2, 0, 1), 3);
      assertThat(fast.readFloats(fast.relu(x))).containsExactly(0, 0, 1);
      assertThat(fast.readFloats(fast.leakyRelu(x, 0.5f))).containsExactly(-1, 0, 1);
      assertThat(fast.readFloats(fast.clip(x, -1, Double.POSITIVE_INFINITY))).containsExactly(-1, 0, 1);
      assertThat(fast.readFloats(fast.sigmoid(x))[1]).isEqualTo(0.5f);
      assertThat(fast.readFloats(fast.tanh(x))[1]).isZero();
      assertThat(fast.readFloats(fast.exp(x))[1]).isEqualTo(1f);
      assertThat(fast.readFloats(fast.erf(x))[1]).isZero();
      assertThat(fast.readFloats(fast.gelu(x, GeluApproximation.NONE))[2]).isCloseTo(0.8413f, within(1e-3f));
      assertThat(fast.readFloats(fast.gelu(x, GeluApproximation.TANH))[2]).isCloseTo(0.8412f, within(1e-3f));
      Tensor positive = floats(fast, f(1, 4), 2);
      Tensor root = fast.sqrt(positive);
      assertThat(fast.lastCost()).isEqualTo(new Cost(2, 16, 1));
      assertThat(fast.readFloats(root)).containsExactly(1, 2);
      assertThat(fast.readFloats(fast.log(positive))[0]).isZero();
    }

    @Test
    void exactUnaryOperationsConvertTheirParametersOnTheHost() {
      Tensor q = fixed(exact, f(-2, 0.5f, 3), 3);
      assertThat(exact.readFloats(exact.leakyRelu(q, 0.25f))).containsExactly(-0.5f, 0.5f, 3);
      assertThat(exact.readFloats(exact.clip(q, -1, 1))).containsExactly(-1, 0.5f, 1);
      assertThat(exact.readFloats(exact.relu(q))).containsExactly(0, 0.5f, 3);
      Tensor n = ints(exact, DType.INT32, i(-5, 0, 5), 3);
      assertThat(exact.readInts(exact.clip(n, -1.5, 2.5))).containsExactly(-1, 0, 2);
      Tensor u = ints(exact, DType.UINT8, i(0, 100, 255), 3);
      assertThat(exact.readInts(exact.clip(u, -50, 1e9))).containsExactly(0, 100, 255);
      assertThat(exact.readInts(exact.clip(n, 3, 1))).containsExactly(1, 1, 1);
      assertKind(() -> exact.leakyRelu(n, 0.5f), Kind.WRONG_DTYPE);
      assertKind(() -> fast.clip(floats(fast, f(1), 1), Double.NaN, 1), Kind.INVALID_ARGUMENT);
    }

    @Test
    void exactRefusesTranscendentalFunctions() {
      Tensor q = fixed(exact, f(1), 1);
      List<ThrowingCallable> refused = List.of(() -> exact.sigmoid(q), () -> exact.tanh(q),
          () -> exact.gelu(q, GeluApproximation.NONE), () -> exact.erf(q), () -> exact.exp(q),
          () -> exact.log(q), () -> exact.sqrt(q), () -> exact.softmax(q, 0),
          () -> exact.layerNorm(q, q, null, 0, 1e-5f), () -> exact.relu(floats(exact, f(1), 1)));
      for (ThrowingCallable call : refused) {
        assertKind(call, Kind.UNSUPPORTED_IN_EXACT);
      }
      assertKind(() -> fast.sigmoid(ints(fast, DType.INT32, i(1), 1)), Kind.WRONG_DTYPE);
    }
  }

  @Nested
  class LinearAlgebra {
    @Test
    void matmulCostsItsProducts() {
      Tensor a = floats(fast, f(1, 2, 3, 4, 5, 6), 2, 3);
      Tensor b = floats(fast, f(1, 2, 3, 4, 5, 6), 3, 2);
      Tensor product = fast.matmul(a, b);
      assertThat(fast.lastCost()).isEqualTo(new Cost(12, 24 + 24 + 16, 1));
      assertThat(fast.readFloats(product)).containsExactly(22, 28, 49, 64);
    }

    @Test
    void matmulPromotesVectorsAndBroadcastsBatches() {
      Tensor v = floats(fast, f(1, 2, 3), 3);
      Tensor b = floats(fast, f(1, 2, 3, 4, 5, 6), 3, 2);
      Tensor product = fast.matmul(v, b);
      assertThat(product.shape()).isEqualTo(Shape.of(2));
      assertThat(fast.readFloats(product)).containsExactly(22, 28);
      Tensor batched = floats(fast, f(1, 0, 0, 1), 2, 1, 2);
      Tensor m = floats(fast, f(1, 2, 3, 4), 2, 2);
      Tensor out = fast.matmul(batched, m);
      assertThat(out.shape()).isEqualTo(Shape.of(2, 1, 2));
      assertThat(fast.readFloats(out)).containsExactly(1, 2, 3, 4);
      Tensor q = fixed(exact, f(1.5f, 2), 1, 2);
      Tensor r = fixed(exact, f(2, 0.25f), 2, 1);
      assertThat(exact.readFloats(exact.matmul(q, r))).containsExactly(3.5f);
      assertKind(() -> fast.matmul(ints(fast, DType.INT8, i(1), 1, 1), ints(fast, DType.INT8, i(1), 1, 1)),
          Kind.WRONG_DTYPE);
      assertKind(() -> fast.matmul(v, v.shape().rank() == 1 ? floats(fast, f(1, 2), 2) : v), Kind.SHAPE_MISMATCH);
    }

    @Test
    void gemmScalesAndAddsC() {
      Tensor a = floats(fast, f(1, 2, 3, 4), 2, 2);
      Tensor identity = floats(fast, f(1, 0, 0, 1), 2, 2);
      GemmOptions scaled = new GemmOptions(2f, 3f, false, false);
      Tensor c = floats(fast, f(10, 20), 2);
      Tensor y = fast.gemm(a, identity, c, scaled);
      assertThat(fast.lastCost()).isEqualTo(new Cost(8, 16 + 16 + 8 + 16, 1));
      assertThat(fast.readFloats(y)).containsExactly(32, 64, 36, 68);
      assertThat(fast.readFloats(fast.gemm(a, identity, floats(fast, f(1)), GemmOptions.DEFAULT)))
          .containsExactly(2, 3, 4, 5);
      assertThat(fast.readFloats(fast.gemm(a, identity, floats(fast, f(1, 2), 2, 1), GemmOptions.DEFAULT)))
          .containsExactly(2, 3, 5, 6);
      assertThat(fast.readFloats(fast.gemm(a, identity, null, new GemmOptions(1f, 1f, true, false))))
          .containsExactly(1, 3, 2, 4);
      assertThat(fast.readFloats(fast.gemm(a, identity, null, new GemmOptions(0.5f, 1f, false, false))))
          .containsExactly(0.5f, 1, 1.5f, 2);
      assertKind(() -> fast.gemm(a, identity, floats(fast, f(1, 2, 3), 3), GemmOptions.DEFAULT),
          Kind.SHAPE_MISMATCH);
      assertKind(() -> fast.gemm(a, identity, null, new GemmOptions(Float.NaN, 1f, false, false)),
          Kind.INVALID_ARGUMENT);
    }

    @Test
    void gemmInExactUsesFixedPointAlphaAndBeta() {
      Tensor a = fixed(exact, f(1, 2, 3, 4), 2, 2);
      Tensor identity = fixed(exact, f(1, 0, 0, 1), 2, 2);
      Tensor c = fixed(exact, f(1, 1, 1, 1), 2, 2);
      assertThat(exact.readFloats(exact.gemm(a, identity, c, new GemmOptions(0.5f, 0.25f, false, false))))
          .containsExactly(0.75f, 1.25f, 1.75f, 2.25f);
      Tensor n = ints(exact, DType.INT32, i(1, 2, 3, 4), 2, 2);
      assertKind(() -> exact.gemm(n, n, null, new GemmOptions(0.5f, 1f, false, false)), Kind.INVALID_ARGUMENT);
      assertThat(exact.readInts(exact.gemm(n, n, null, new GemmOptions(2f, 1f, false, false))))
          .containsExactly(14, 20, 30, 44);
    }

    @Test
    void conv2dWithBiasPaddingAndGroups() {
      Tensor x = floats(fast, f(1, 2, 3, 4, 5, 6, 7, 8, 9), 1, 1, 3, 3);
      Tensor ones = floats(fast, f(1, 1, 1, 1), 1, 1, 2, 2);
      Tensor plain = fast.conv2d(x, ones, null, ConvOptions.DEFAULT);
      assertThat(fast.lastCost()).isEqualTo(new Cost(16, 36 + 16 + 16, 1));
      assertThat(fast.readFloats(plain)).containsExactly(12, 16, 24, 28);
      assertThat(fast.readFloats(fast.conv2d(x, ones, floats(fast, f(1), 1), ConvOptions.DEFAULT)))
          .containsExactly(13, 17, 25, 29);
      ConvOptions same = new ConvOptions(NONE, NONE, NONE, 1, AutoPad.SAME_UPPER);
      assertThat(fast.readFloats(fast.conv2d(x, ones, null, same)))
          .containsExactly(12, 16, 9, 24, 28, 15, 15, 17, 9);
      Tensor two = floats(fast, f(1, 2, 3, 4, 5, 6, 7, 8), 1, 2, 2, 2);
      Tensor perChannel = floats(fast, f(2, 3), 2, 1, 1, 1);
      ConvOptions grouped = new ConvOptions(NONE, NONE, NONE, 2, AutoPad.NOTSET);
      assertThat(fast.readFloats(fast.conv2d(two, perChannel, null, grouped)))
          .containsExactly(2, 4, 6, 8, 15, 18, 21, 24);
      assertKind(() -> fast.conv2d(x, ones, floats(fast, f(1, 2), 2), ConvOptions.DEFAULT), Kind.SHAPE_MISMATCH);
      Tensor q = fixed(exact, f(1, 2, 3, 4), 1, 1, 2, 2);
      Tensor w = fixed(exact, f(0.5f), 1, 1, 1, 1);
      Tensor bias = fixed(exact, f(1), 1);
      assertThat(exact.readFloats(exact.conv2d(q, w, bias, ConvOptions.DEFAULT)))
          .containsExactly(1.5f, 2, 2.5f, 3);
    }
  }

  @Nested
  class Pools {
    @Test
    void maxPoolWithIndicesIntoTheFlattenedInput() {
      Tensor x = floats(fast, counting(16, 1), 1, 1, 4, 4);
      PoolOptions options = new PoolOptions(new int[] {2, 2}, new int[] {2, 2}, NONE, NONE, AutoPad.NOTSET, false,
          false);
      Tensor pooled = fast.maxPool(x, options);
      assertThat(fast.lastCost()).isEqualTo(new Cost(16, 64 + 16, 1));
      assertThat(fast.readFloats(pooled)).containsExactly(6, 8, 14, 16);
      MaxPoolResult result = fast.maxPoolWithIndices(x, options);
      assertThat(fast.readFloats(result.values())).containsExactly(6, 8, 14, 16);
      assertThat(result.indices().dtype()).isEqualTo(DType.INT32);
      assertThat(fast.readInts(result.indices())).containsExactly(5, 7, 13, 15);
    }

    @Test
    void averagesExcludeOrIncludeThePadding() {
      Tensor x = floats(fast, f(1, 2, 3, 4), 1, 1, 2, 2);
      PoolOptions excluding = new PoolOptions(new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1, 1, 1}, NONE,
          AutoPad.NOTSET, false, false);
      PoolOptions including = new PoolOptions(new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1, 1, 1}, NONE,
          AutoPad.NOTSET, false, true);
      assertThat(fast.readFloats(fast.averagePool(x, excluding))).containsExactly(1, 2, 3, 4);
      assertThat(fast.readFloats(fast.averagePool(x, including))).containsExactly(0.25f, 0.5f, 0.75f, 1);
    }

    @Test
    void ceilModeInOneDimension() {
      Tensor x = floats(fast, f(1, 2, 3, 4, 5), 1, 1, 5);
      PoolOptions ceil = new PoolOptions(new int[] {2}, new int[] {2}, NONE, NONE, AutoPad.NOTSET, true, true);
      assertThat(fast.readFloats(fast.maxPool(x, ceil))).containsExactly(2, 4, 5);
      assertThat(fast.readFloats(fast.averagePool(x, ceil))).containsExactly(1.5f, 3.5f, 5);
    }

    @Test
    void globalAverageAndIntegerPools() {
      Tensor x = floats(fast, f(1, 2, 3, 4, 5, 6, 7, 8), 1, 2, 2, 2);
      Tensor mean = fast.globalAveragePool(x);
      assertThat(mean.shape()).isEqualTo(Shape.of(1, 2, 1, 1));
      assertThat(fast.readFloats(mean)).containsExactly(2.5f, 6.5f);
      Tensor n = ints(exact, DType.INT32, i(1, 2, 4, 4), 1, 1, 4);
      assertThat(exact.readInts(exact.averagePool(n, PoolOptions.window(2)))).containsExactly(2, 3, 4);
      assertKind(() -> exact.maxPool(floats(exact, f(1, 2), 1, 1, 2), PoolOptions.window(2)),
          Kind.UNSUPPORTED_IN_EXACT);
      assertKind(() -> fast.maxPool(x, PoolOptions.window(2)), Kind.INVALID_ARGUMENT);
      assertKind(() -> fast.maxPool(x, null), Kind.INVALID_ARGUMENT);
    }
  }

  @Nested
  class DataMovement {
    @Test
    void reshapeAndTranspose() {
      Tensor x = floats(exact, f(1, 2, 3, 4, 5, 6), 2, 3);
      Tensor reshaped = exact.reshape(x, -1, 2);
      assertThat(reshaped.shape()).isEqualTo(Shape.of(3, 2));
      assertThat(exact.lastCost()).isEqualTo(new Cost(0, 48, 1));
      assertThat(exact.readFloats(exact.transpose(x))).containsExactly(1, 4, 2, 5, 3, 6);
      assertThat(exact.transpose(x, 1, 0).shape()).isEqualTo(Shape.of(3, 2));
      assertKind(() -> exact.reshape(x, 4, -1), Kind.SHAPE_MISMATCH);
      assertKind(() -> exact.transpose(x, 0, 0), Kind.INVALID_ARGUMENT);
    }

    @Test
    void concatAlongAnAxis() {
      Tensor a = ints(fast, DType.INT32, i(1, 2), 2, 1);
      Tensor b = ints(fast, DType.INT32, i(3, 4, 5, 6), 2, 2);
      Tensor joined = fast.concat(-1, a, b);
      assertThat(joined.shape()).isEqualTo(Shape.of(2, 3));
      assertThat(fast.readInts(joined)).containsExactly(1, 3, 4, 2, 5, 6);
      assertKind(() -> fast.concat(0, a, b), Kind.SHAPE_MISMATCH);
      assertKind(() -> fast.concat(2, a, b), Kind.INVALID_ARGUMENT);
      assertKind(() -> fast.concat(0), Kind.INVALID_ARGUMENT);
    }

    @Test
    void gatherNormalisesNegativeIndices() {
      Tensor data = ints(fast, DType.INT32, i(1, 2, 3, 4, 5, 6), 3, 2);
      Tensor rows = fast.gather(data, ints(fast, DType.INT32, i(-1, 0), 2), 0);
      assertThat(rows.shape()).isEqualTo(Shape.of(2, 2));
      assertThat(fast.readInts(rows)).containsExactly(5, 6, 1, 2);
      Tensor column = fast.gather(data, ints(fast, DType.INT32, i(1)), 1);
      assertThat(column.shape()).isEqualTo(Shape.of(3));
      assertThat(fast.readInts(column)).containsExactly(2, 4, 6);
      long before = fast.bytesInUse();
      assertKind(() -> fast.gather(data, ints(fast, DType.INT32, i(3), 1), 0), Kind.INVALID_ARGUMENT);
      assertKind(() -> fast.gather(data, ints(fast, DType.INT8, i(0), 1), 0), Kind.WRONG_DTYPE);
      assertThat(fast.bytesInUse()).isEqualTo(before + 4 + 1);
    }

    @Test
    void sliceClampsAndStepsBackwards() {
      Tensor x = ints(fast, DType.INT32, i(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 3, 4);
      assertThat(fast.readInts(fast.slice(x, i(1, 1), i(100, 3), NONE, NONE))).containsExactly(5, 6, 9, 10);
      assertThat(fast.readInts(fast.slice(x, i(-1), i(Integer.MIN_VALUE), i(1), i(-2))))
          .containsExactly(3, 1, 7, 5, 11, 9);
      Tensor empty = fast.slice(x, i(5), i(10), i(0), null);
      assertThat(empty.shape()).isEqualTo(Shape.of(0, 4));
      assertKind(() -> fast.slice(x, i(0), i(1), i(0), i(0)), Kind.INVALID_ARGUMENT);
    }
  }

  @Nested
  class Reductions {
    @Test
    void reducesScatteredAxesAndReleasesTheScratch() {
      Tensor x = ints(exact, DType.INT32, IntStream.range(0, 12).toArray(), 2, 3, 2);
      long held = exact.bytesInUse();
      Tensor sum = exact.reduceSum(x, i(0, 2), false);
      assertThat(exact.lastCost()).isEqualTo(new Cost(12, 48 + 12, 1));
      assertThat(exact.bytesInUse()).isEqualTo(held + 12);
      assertThat(exact.readInts(sum)).containsExactly(14, 22, 30);
      Tensor mean = exact.reduceMean(x, i(1), true);
      assertThat(mean.shape()).isEqualTo(Shape.of(2, 1, 2));
      assertThat(exact.readInts(mean)).containsExactly(2, 3, 8, 9);
      Tensor max = exact.reduceMax(x, NONE, false);
      assertThat(max.shape().rank()).isZero();
      assertThat(exact.readInts(max)).containsExactly(11);
      assertKind(() -> exact.reduceSum(x, i(3), false), Kind.INVALID_ARGUMENT);
      assertKind(() -> exact.reduceMax(ints(exact, DType.INT32, NONE, 0), NONE, false), Kind.INVALID_ARGUMENT);
    }

    @Test
    void softmaxAlongAnAxis() {
      Tensor x = floats(fast, f(0, (float) Math.log(3), 0, 0), 2, 2);
      assertThat(fast.readFloats(fast.softmax(x, 1))).containsExactly(f(0.25f, 0.75f, 0.5f, 0.5f), within(1e-6f));
      Tensor columns = fast.softmax(x, 0);
      assertThat(fast.lastCost().multiplyAccumulates()).isEqualTo(4L * Session.NORMALISATION_PASSES);
      assertThat(fast.readFloats(columns)).containsExactly(f(0.5f, 0.75f, 0.5f, 0.25f), within(1e-6f));
    }

    @Test
    void layerNormShapesItsStatisticsLikeOnnx() {
      Tensor x = floats(fast, f(1, 3, 2, 6), 2, 2);
      LayerNormResult result = fast.layerNorm(x, floats(fast, f(2), 1), floats(fast, f(1, -1), 2), -1, 0f);
      assertThat(fast.readFloats(result.output())).containsExactly(f(-1, 1, -1, 1), within(1e-5f));
      assertThat(result.mean().shape()).isEqualTo(Shape.of(2, 1));
      assertThat(fast.readFloats(result.mean())).containsExactly(2, 4);
      assertThat(fast.readFloats(result.inverseStdDev())).containsExactly(f(1, 0.5f), within(1e-6f));
      assertKind(() -> fast.layerNorm(x, floats(fast, f(1, 2, 3), 3), null, 1, 1e-5f), Kind.SHAPE_MISMATCH);
      assertKind(() -> fast.layerNorm(x, floats(fast, f(1, 1), 2), null, 2, 1e-5f), Kind.INVALID_ARGUMENT);
    }

    @Test
    void batchNormFoldsIntoAnAffineOrAFixedRequantization() {
      Tensor scale = floats(fast, f(1, 2), 2);
      Tensor bias = floats(fast, f(0, 1), 2);
      Tensor mean = floats(fast, f(0, 1), 2);
      Tensor variance = floats(fast, f(1, 4), 2);
      Tensor x = floats(fast, f(1, 2), 1, 2, 1, 1);
      assertThat(fast.readFloats(fast.batchNorm(x, scale, bias, mean, variance, 0f))).containsExactly(1, 2);

      Tensor q = fixed(exact, f(1, 2, 3, 5), 1, 2, 2, 1);
      Tensor out = exact.batchNorm(q, floats(exact, f(1, 2), 2), floats(exact, f(0, 1), 2),
          floats(exact, f(0, 1), 2), floats(exact, f(1, 4), 2), 0f);
      assertThat(out.dtype()).isEqualTo(DType.Q16_16);
      assertThat(exact.readFloats(out)).containsExactly(1, 2, 3, 5);
      assertKind(() -> fast.batchNorm(x, scale, bias, mean, floats(fast, f(-1, 1), 2), 0f), Kind.INVALID_ARGUMENT);
      assertKind(() -> fast.batchNorm(x, floats(fast, f(1), 1), bias, mean, variance, 0f), Kind.SHAPE_MISMATCH);
    }
  }

  @Nested
  class Quantized {
    @Test
    void quantizeLinearInBothModes() {
      Tensor x = floats(fast, f(0, 1, 2.5f, -1), 4);
      Tensor q = fast.quantizeLinear(x, floats(fast, f(0.5f)), ints(fast, DType.UINT8, i(128)), 0);
      assertThat(q.dtype()).isEqualTo(DType.UINT8);
      assertThat(fast.readInts(q)).containsExactly(128, 130, 133, 126);

      Tensor fx = fixed(exact, f(0, 1, 2.5f, -1), 4);
      Tensor e = exact.quantizeLinear(fx, floats(exact, f(0.5f)), ints(exact, DType.UINT8, i(128)), 0);
      assertThat(exact.readInts(e)).containsExactly(128, 130, 133, 126);
      Tensor perAxis = exact.quantizeLinear(fixed(exact, f(1, 1, 2, 2), 2, 2), floats(exact, f(0.5f, 1), 2),
          ints(exact, DType.INT8, i(0, -1), 2), 0);
      assertThat(exact.readInts(perAxis)).containsExactly(2, 2, 1, 1);
      assertKind(() -> exact.quantizeLinear(floats(exact, f(1), 1), floats(exact, f(1)), null, 0),
          Kind.UNSUPPORTED_IN_EXACT);
      assertKind(() -> fast.quantizeLinear(x, floats(fast, f(0)), null, 0), Kind.INVALID_ARGUMENT);
      assertKind(() -> fast.quantizeLinear(x, floats(fast, f(1, 2), 2), null, 0), Kind.SHAPE_MISMATCH);
    }

    @Test
    void dequantizeLinearYieldsFloatsOrFixedPoint() {
      Tensor q = ints(fast, DType.UINT8, i(128, 130), 2);
      Tensor f = fast.dequantizeLinear(q, floats(fast, f(0.5f)), ints(fast, DType.UINT8, i(128)), 0);
      assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
      assertThat(fast.readFloats(f)).containsExactly(0, 1);
      Tensor e = exact.dequantizeLinear(ints(exact, DType.UINT8, i(128, 130), 2), floats(exact, f(0.5f)),
          ints(exact, DType.UINT8, i(128)), 0);
      assertThat(e.dtype()).isEqualTo(DType.Q16_16);
      assertThat(exact.readInts(e)).containsExactly(0, FixedPoint.ONE);
      assertKind(() -> fast.dequantizeLinear(q, floats(fast, f(1)), ints(fast, DType.INT8, i(0)), 0),
          Kind.WRONG_DTYPE);
    }

    @Test
    void matMulIntegerSubtractsZeroPointsPerRow() {
      Tensor a = ints(exact, DType.UINT8, i(1, 2, 3, 4), 2, 2);
      Tensor b = ints(exact, DType.INT8, i(1, 0, 0, 1), 2, 2);
      Tensor scalarZero = exact.matMulInteger(a, b, ints(exact, DType.UINT8, i(1)), null);
      assertThat(exact.lastCost()).isEqualTo(new Cost(8, 4 + 4 + 1 + 16, 1));
      assertThat(scalarZero.dtype()).isEqualTo(DType.INT32);
      assertThat(exact.readInts(scalarZero)).containsExactly(0, 1, 2, 3);
      Tensor perRow = exact.matMulInteger(a, b, ints(exact, DType.UINT8, i(1, 2), 2), null);
      assertThat(exact.readInts(perRow)).containsExactly(0, 1, 1, 2);
      Tensor perColumn = exact.matMulInteger(a, b, null, ints(exact, DType.INT8, i(1, 0), 2));
      assertThat(exact.readInts(perColumn)).containsExactly(-2, 2, -4, 4);
      assertKind(() -> exact.matMulInteger(a, b, ints(exact, DType.INT8, i(1)), null), Kind.WRONG_DTYPE);
      assertKind(() -> exact.matMulInteger(a, b, ints(exact, DType.UINT8, i(1, 2, 3), 3), null),
          Kind.SHAPE_MISMATCH);
    }

    @Test
    void qLinearMatMulRequantizesInFloatOrFixedPoint() {
      for (Session session : List.of(fast, exact)) {
        Tensor a = ints(session, DType.UINT8, i(2, 4), 1, 2);
        Tensor b = ints(session, DType.UINT8, i(2, 2), 2, 1);
        Tensor half = floats(session, f(0.5f));
        Tensor out = session.qLinearMatMul(a, half, null, b, half, null, floats(session, f(0.1f)),
            ints(session, DType.UINT8, i(10)));
        assertThat(session.lastCost().multiplyAccumulates()).isEqualTo(2);
        assertThat(out.dtype()).isEqualTo(DType.UINT8);
        assertThat(session.readInts(out)).containsExactly(40);
      }
      Tensor a = ints(exact, DType.INT8, i(1, 1), 1, 2);
      Tensor b = ints(exact, DType.INT8, i(1, 2, 3, 4), 2, 2);
      Tensor out = exact.qLinearMatMul(a, floats(exact, f(1)), null, b, floats(exact, f(1, 0.5f), 2), null,
          floats(exact, f(1)), ints(exact, DType.INT8, i(0)));
      assertThat(exact.readInts(out)).containsExactly(4, 3);
      assertKind(() -> exact.qLinearMatMul(a, floats(exact, f(1, 1), 2), null, b, floats(exact, f(1)), null,
          floats(exact, f(1)), null), Kind.SHAPE_MISMATCH);
    }

    @Test
    void convIntegerAndQLinearConv() {
      Tensor x = ints(exact, DType.UINT8, i(1, 2, 3, 4), 1, 1, 2, 2);
      Tensor w = ints(exact, DType.UINT8, i(2), 1, 1, 1, 1);
      Tensor sums = exact.convInteger(x, w, ints(exact, DType.UINT8, i(1)), null, ConvOptions.DEFAULT);
      assertThat(exact.lastCost()).isEqualTo(new Cost(4, 4 + 1 + 1 + 16, 1));
      assertThat(exact.readInts(sums)).containsExactly(0, 2, 4, 6);
      for (Session session : List.of(fast, exact)) {
        Tensor qx = ints(session, DType.UINT8, i(1, 2, 3, 4), 1, 1, 2, 2);
        Tensor qw = ints(session, DType.UINT8, i(2), 1, 1, 1, 1);
        Tensor one = floats(session, f(1));
        Tensor out = session.qLinearConv(qx, one, ints(session, DType.UINT8, i(1)), qw, one, null,
            floats(session, f(2)), null, ints(session, DType.INT32, i(2), 1), ConvOptions.DEFAULT);
        assertThat(session.readInts(out)).containsExactly(1, 2, 3, 4);
      }
      assertKind(() -> exact.convInteger(x, w, null, ints(exact, DType.UINT8, i(1, 2), 2), ConvOptions.DEFAULT),
          Kind.SHAPE_MISMATCH);
    }
  }

  @Nested
  class EdgeCases {
    @Test
    void emptyAndScalarTensors() {
      Tensor empty = floats(fast, f(), 0, 3);
      Tensor full = floats(fast, f(1, 2, 3), 1, 3);
      assertThat(fast.readFloats(fast.concat(0, empty, full, empty))).containsExactly(1, 2, 3);
      Tensor scalar = floats(fast, f(5));
      assertThat(fast.reshape(scalar, 1, 1).shape()).isEqualTo(Shape.of(1, 1));
      assertThat(fast.readFloats(fast.add(scalar, full))).containsExactly(6, 7, 8);
      assertThat(fast.reduceSum(empty, i(0), false).shape()).isEqualTo(Shape.of(3));
      assertThat(fast.readFloats(fast.reduceSum(empty, i(0), false))).containsExactly(0, 0, 0);
    }

    @Test
    void threeSpatialDimensionsPool() {
      Tensor x = floats(fast, counting(8, 0), 1, 1, 2, 2, 2);
      Tensor pooled = fast.maxPool(x, PoolOptions.window(2, 2, 2));
      assertThat(fast.lastCost()).isEqualTo(new Cost(8, 32 + 4, 1));
      assertThat(pooled.shape()).isEqualTo(Shape.of(1, 1, 1, 1, 1));
      assertThat(fast.readFloats(pooled)).containsExactly(7);
    }

    @Test
    void layerNormMaterialisesABroadcastBias() {
      Tensor x = floats(fast, f(1, 3, 2, 6), 2, 2);
      LayerNormResult result = fast.layerNorm(x, floats(fast, f(1, 1), 2), floats(fast, f(10), 1), 1, 0f);
      assertThat(fast.lastCost()).isEqualTo(new Cost(4 * Session.NORMALISATION_PASSES, 16 + 8 + 4 + 16 + 8 + 8, 1));
      assertThat(fast.readFloats(result.output())).containsExactly(f(9, 11, 9, 11), within(1e-5f));
    }

    @Test
    void dequantizePerAxis() {
      Tensor q = ints(fast, DType.INT8, i(2, 2, 4, 4), 2, 2);
      Tensor f = fast.dequantizeLinear(q, floats(fast, f(0.5f, 0.25f), 2), ints(fast, DType.INT8, i(0, 2), 2), 0);
      assertThat(fast.readFloats(f)).containsExactly(1, 1, 0.5f, 0.5f);
      Tensor e = exact.dequantizeLinear(ints(exact, DType.INT8, i(2, 2, 4, 4), 2, 2),
          floats(exact, f(0.5f, 0.25f), 2), ints(exact, DType.INT8, i(0, 2), 2), -2);
      assertThat(exact.readFloats(e)).containsExactly(1, 1, 0.5f, 0.5f);
    }

    @Test
    void theListenerHearsTimesAndRefusals() {
      List<Long> times = new ArrayList<>();
      Session timed = new Session(kernels, NumericMode.EXACT, TensorLimits.GENEROUS, new OperationListener() {
        @Override
        public void completed(String operation, Cost cost, long nanos) {
          times.add(nanos);
        }

        @Override
        public void refused(String operation, Kind kind) {
          events.add(operation + " " + kind);
        }
      });
      Tensor x = timed.fromFloatsAsFixed(Shape.of(1), 1f);
      assertKind(() -> timed.exp(x), Kind.UNSUPPORTED_IN_EXACT);
      timed.close();
      assertKind(() -> timed.relu(x), Kind.CLOSED);
      assertThat(times).hasSize(1).allMatch(nanos -> nanos >= 0);
      assertThat(events).containsExactly("exp UNSUPPORTED_IN_EXACT", "relu CLOSED");
    }
  }

  @Nested
  class LimitsAndLifecycle {
    @Test
    void refusesTensorsAboveTheElementAndRankLimits() {
      Session small = new Session(kernels, NumericMode.FAST, new TensorLimits(4, 1 << 20, 2, 1000), recorder);
      assertKind(() -> small.fromFloats(Shape.of(5), new float[5]), Kind.LIMIT_EXCEEDED);
      assertKind(() -> small.fromFloats(Shape.of(1, 1, 1), new float[1]), Kind.LIMIT_EXCEEDED);
      Tensor x = small.fromFloats(Shape.of(2, 2), new float[4]);
      assertKind(() -> small.add(x, small.fromFloats(Shape.of(2, 1, 1), new float[2])), Kind.LIMIT_EXCEEDED);
      assertThat(small.cost()).isEqualTo(new Cost(0, 16, 1));
      small.close();
    }

    @Test
    void refusesWhatWouldExceedTheSessionMemoryCountingScratch() {
      Session small = new Session(kernels, NumericMode.EXACT, new TensorLimits(1000, 80, 8, 1000), recorder);
      Tensor x = small.fromInts(DType.INT32, Shape.of(2, 2, 2), new int[8]);
      assertThat(small.bytesInUse()).isEqualTo(32);
      small.reduceSum(x, i(1), false);
      assertThat(small.bytesInUse()).isEqualTo(48);
      // The scattered reduction needs a 32-byte transposed copy besides its 8-byte output: 48 + 40 > 80.
      assertKind(() -> small.reduceSum(x, i(0, 2), false), Kind.LIMIT_EXCEEDED);
      assertThat(small.bytesInUse()).isEqualTo(48);
      small.close();
      assertThat(small.bytesInUse()).isZero();
    }

    @Test
    void refusesMultiplyAccumulatesBeyondTheBudgetAndChargesNothing() {
      Session metered = new Session(kernels, NumericMode.FAST, new TensorLimits(1000, 1 << 20, 8, 20), recorder);
      Tensor a = metered.fromFloats(Shape.of(2, 3), new float[6]);
      Tensor b = metered.fromFloats(Shape.of(3, 2), new float[6]);
      metered.matmul(a, b);
      Cost spent = metered.cost();
      assertThat(spent.multiplyAccumulates()).isEqualTo(12);
      events.clear();
      assertKind(() -> metered.matmul(a, b), Kind.LIMIT_EXCEEDED);
      assertThat(metered.cost()).isEqualTo(spent);
      assertThat(events).containsExactly("matmul LIMIT_EXCEEDED");
      metered.close();
    }

    @Test
    void closedTensorsAndSessionsRefuseWork() {
      Tensor x = floats(fast, f(1, 2), 2);
      long held = fast.bytesInUse();
      x.close();
      x.close();
      assertThat(x.isClosed()).isTrue();
      assertThat(fast.bytesInUse()).isEqualTo(held - 8);
      assertKind(() -> fast.relu(x), Kind.CLOSED);
      Tensor y = floats(fast, f(1), 1);
      fast.close();
      fast.close();
      assertThat(y.isClosed()).isTrue();
      assertThat(fast.bytesInUse()).isZero();
      assertKind(() -> fast.fromFloats(Shape.of(1), 1f), Kind.CLOSED);
      assertKind(() -> fast.readFloats(y), Kind.CLOSED);
    }

    @Test
    void refusesTensorsOfAnotherSession() {
      Tensor mine = ints(exact, DType.INT32, i(1), 1);
      Tensor theirs = ints(fast, DType.INT32, i(1), 1);
      assertKind(() -> exact.add(mine, theirs), Kind.INVALID_ARGUMENT);
      assertKind(() -> exact.add(mine, null), Kind.INVALID_ARGUMENT);
    }

    @Test
    void aFailingKernelReleasesWhatTheOperationAllocated() {
      Kernels failing = failingOn("matmul");
      Session session = new Session(failing, NumericMode.FAST, TensorLimits.GENEROUS, recorder);
      Tensor a = session.fromFloats(Shape.of(1, 1), 2f);
      long held = session.bytesInUse();
      Cost spent = session.cost();
      events.clear();
      assertKind(() -> session.matmul(a, a), Kind.BACKEND_FAILURE);
      assertKind(() -> session.gemm(a, a, a, new GemmOptions(2f, 2f, false, false)), Kind.BACKEND_FAILURE);
      assertThat(session.bytesInUse()).isEqualTo(held);
      assertThat(session.cost()).isEqualTo(spent);
      assertThat(events).containsExactly("matmul BACKEND_FAILURE", "gemm BACKEND_FAILURE");
      assertThat(session.readFloats(session.add(a, a))).containsExactly(4);
      session.close();
    }

    @Test
    void anUnexpectedKernelExceptionBecomesABackendFailure() {
      Session session = new Session(failingOn("pool", new IllegalStateException("queue full")), NumericMode.FAST,
          TensorLimits.GENEROUS, recorder);
      Tensor x = session.fromFloats(Shape.of(1, 1, 2), 1f, 2f);
      long held = session.bytesInUse();
      assertThatThrownBy(() -> session.maxPoolWithIndices(x, PoolOptions.window(2)))
          .isInstanceOf(TensorException.class).hasCauseInstanceOf(IllegalStateException.class)
          .extracting(e -> ((TensorException) e).kind()).isEqualTo(Kind.BACKEND_FAILURE);
      assertThat(session.bytesInUse()).isEqualTo(held);
      session.close();
    }

    private Kernels failingOn(String method) {
      return failingOn(method, new TensorException(Kind.BACKEND_FAILURE, "the device was lost"));
    }

    private Kernels failingOn(String method, RuntimeException failure) {
      return (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
          (proxy, invoked, args) -> {
            if (invoked.getName().equals(method)) {
              throw failure;
            }
            try {
              return invoked.invoke(kernels, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
