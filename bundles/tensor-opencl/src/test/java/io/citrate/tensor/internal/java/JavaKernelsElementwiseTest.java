package io.citrate.tensor.internal.java;

import static io.citrate.tensor.internal.java.Buffers.KERNELS;
import static io.citrate.tensor.internal.java.Buffers.assertClose;
import static io.citrate.tensor.internal.java.Buffers.empty;
import static io.citrate.tensor.internal.java.Buffers.floats;
import static io.citrate.tensor.internal.java.Buffers.ints;
import static io.citrate.tensor.internal.java.Buffers.readFloats;
import static io.citrate.tensor.internal.java.Buffers.readInts;
import static io.citrate.tensor.internal.java.Buffers.strides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.BinaryOp;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Broadcast;
import io.citrate.tensor.internal.kernel.UnaryOp;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JavaKernelsElementwiseTest {

  private static Broadcast same(int count) {
    return new Broadcast(new int[] {count}, new int[][] {{1}, {1}, {1}});
  }

  private static int[] binaryInts(BinaryOp op, DType dtype, int[] a, int[] b) {
    DeviceBuffer out = empty(dtype, a.length);
    KERNELS.binary(op, ints(dtype, a), ints(dtype, b), out, same(a.length));
    return readInts(out);
  }

  @Test
  void eightBitArithmeticWrapsAsC() {
    assertThat(binaryInts(BinaryOp.ADD, DType.INT8, new int[] {100, -128, 127}, new int[] {100, -1, 1}))
        .containsExactly(-56, 127, -128);
    assertThat(binaryInts(BinaryOp.SUB, DType.UINT8, new int[] {0, 200}, new int[] {1, 100}))
        .containsExactly(255, 100);
    assertThat(binaryInts(BinaryOp.MUL, DType.UINT8, new int[] {16, 255}, new int[] {16, 255}))
        .containsExactly(0, 1);
    assertThat(binaryInts(BinaryOp.DIV, DType.INT8, new int[] {-128, -7, 7, 5}, new int[] {-1, 2, -2, 0}))
        .containsExactly(-128, -3, -3, 0);
    assertThat(binaryInts(BinaryOp.DIV, DType.UINT8, new int[] {255, 7}, new int[] {2, 0})).containsExactly(127, 0);
    assertThat(binaryInts(BinaryOp.MIN, DType.UINT8, new int[] {200, 3}, new int[] {100, 250}))
        .containsExactly(100, 3);
  }

  @Test
  void int32ArithmeticWraps() {
    int max = Integer.MAX_VALUE;
    int min = Integer.MIN_VALUE;
    assertThat(binaryInts(BinaryOp.ADD, DType.INT32, new int[] {max}, new int[] {1})).containsExactly(min);
    assertThat(binaryInts(BinaryOp.MUL, DType.INT32, new int[] {65536}, new int[] {65536})).containsExactly(0);
    assertThat(binaryInts(BinaryOp.DIV, DType.INT32, new int[] {min, -9, 9}, new int[] {-1, 0, -4}))
        .containsExactly(min, 0, -2);
    assertThat(binaryInts(BinaryOp.MAX, DType.INT32, new int[] {min, 4}, new int[] {-3, max}))
        .containsExactly(-3, max);
  }

  @Test
  void fixedPointSaturatesAndRoundsTiesToEven() {
    int max = Integer.MAX_VALUE;
    int min = Integer.MIN_VALUE;
    assertThat(binaryInts(BinaryOp.ADD, DType.Q16_16, new int[] {max, min, 5}, new int[] {1, -1, -7}))
        .containsExactly(max, min, -2);
    assertThat(binaryInts(BinaryOp.SUB, DType.Q16_16, new int[] {min, max}, new int[] {1, -1}))
        .containsExactly(min, max);
    // 1.5 * 2^-16 = 1.5 raw -> 2; 0.5 raw -> 0; -1.5 raw -> -2; 2.5 raw -> 2.
    assertThat(binaryInts(BinaryOp.MUL, DType.Q16_16, new int[] {3, 1, -3, 5, 200 << 16},
        new int[] {1 << 15, 1 << 15, 1 << 15, 1 << 15, 200 << 16}))
        .containsExactly(2, 0, -2, 2, max);
    assertThat(binaryInts(BinaryOp.DIV, DType.Q16_16, new int[] {5, -5, 0, 1 << 16, 3 << 16},
        new int[] {0, 0, 0, 3 << 16, 2 << 16}))
        .containsExactly(max, min, 0, 21845, 3 << 15);
  }

  @Test
  void powIsFloatOnly() {
    assertThatThrownBy(() -> binaryInts(BinaryOp.POW, DType.INT32, new int[] {2}, new int[] {3}))
        .isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.WRONG_DTYPE);
  }

  @Test
  void floatsBroadcastRowAgainstColumn() {
    // a: 2x1, b: 1x3 -> 2x3.
    DeviceBuffer out = empty(DType.FLOAT32, 6);
    KERNELS.binary(BinaryOp.SUB, floats(10, 20), floats(1, 2, 3), out,
        new Broadcast(new int[] {2, 3}, new int[][] {{1, 0}, {0, 1}}));
    assertThat(readFloats(out)).containsExactly(9, 8, 7, 19, 18, 17);
  }

  @Test
  void scalarBroadcastOfRankZero() {
    DeviceBuffer out = empty(DType.FLOAT32, 1);
    KERNELS.binary(BinaryOp.POW, floats(2), floats(10), out, new Broadcast(new int[0], new int[][] {{}, {}}));
    assertThat(readFloats(out)).containsExactly(1024f);
  }

  @Test
  void floatMinAndMaxPropagateNaN() {
    DeviceBuffer out = empty(DType.FLOAT32, 2);
    KERNELS.binary(BinaryOp.MAX, floats(Float.NaN, -0f), floats(1, 0f), out, same(2));
    assertThat(readFloats(out)).containsExactly(Float.NaN, 0f);
  }

  @Property(tries = 200)
  void broadcastMatchesIndexArithmetic(@ForAll @IntRange(min = 1, max = 4) int d0,
      @ForAll @IntRange(min = 1, max = 5) int d1, @ForAll @IntRange(min = 1, max = 6) int d2,
      @ForAll boolean aRepeatsRows, @ForAll boolean bRepeatsColumns, @ForAll long seed) {
    Random random = new Random(seed);
    int[] dims = {d0, d1, d2};
    int[] aDims = {d0, aRepeatsRows ? 1 : d1, d2};
    int[] bDims = {1, d1, bRepeatsColumns ? 1 : d2};
    int[] aValues = random.ints(aDims[0] * aDims[1] * aDims[2], -1000, 1000).toArray();
    int[] bValues = random.ints(bDims[0] * bDims[1] * bDims[2], -1000, 1000).toArray();
    int[] aStrides = broadcastStrides(aDims);
    int[] bStrides = broadcastStrides(bDims);
    DeviceBuffer out = empty(DType.INT32, d0 * d1 * d2);
    KERNELS.binary(BinaryOp.MUL, ints(DType.INT32, aValues), ints(DType.INT32, bValues), out,
        new Broadcast(dims, new int[][] {aStrides, bStrides}));
    int[] got = readInts(out);
    for (int i = 0; i < d0; i++) {
      for (int j = 0; j < d1; j++) {
        for (int k = 0; k < d2; k++) {
          int a = aValues[i * aStrides[0] + j * aStrides[1] + k * aStrides[2]];
          int b = bValues[i * bStrides[0] + j * bStrides[1] + k * bStrides[2]];
          assertThat(got[(i * d1 + j) * d2 + k]).isEqualTo(a * b);
        }
      }
    }
  }

  private static int[] broadcastStrides(int[] dims) {
    int[] strides = strides(dims);
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] == 1) {
        strides[d] = 0;
      }
    }
    return strides;
  }

  @Property
  void fixedPointOpsFollowFixedPoint(@ForAll int a, @ForAll int b) {
    assertThat(binaryInts(BinaryOp.MUL, DType.Q16_16, new int[] {a}, new int[] {b}))
        .containsExactly(FixedPoint.multiply(a, b));
    assertThat(binaryInts(BinaryOp.DIV, DType.Q16_16, new int[] {a}, new int[] {b}))
        .containsExactly(FixedPoint.divide(a, b));
    assertThat(binaryInts(BinaryOp.ADD, DType.Q16_16, new int[] {a}, new int[] {b}))
        .containsExactly(FixedPoint.saturate((long) a + b));
  }

  @Test
  void whereSelectsByCondition() {
    DeviceBuffer out = empty(DType.INT8, 4);
    // condition 2x1 broadcast over columns; x is a scalar; y is 2x2.
    KERNELS.where(ints(DType.UINT8, 0, 7), ints(DType.INT8, -5), ints(DType.INT8, 1, 2, 3, 4), out,
        new Broadcast(new int[] {2, 2}, new int[][] {{1, 0}, {0, 0}, {2, 1}}));
    assertThat(readInts(out)).containsExactly(1, 2, -5, -5);
    DeviceBuffer floatsOut = empty(DType.FLOAT32, 3);
    KERNELS.where(ints(DType.UINT8, 1, 0, 255), floats(1, 2, 3), floats(-1, -2, -3), floatsOut,
        new Broadcast(new int[] {3}, new int[][] {{1}, {1}, {1}}));
    assertThat(readFloats(floatsOut)).containsExactly(1, -2, 3);
    DeviceBuffer mixed = empty(DType.INT32, 1);
    assertThatThrownBy(() -> KERNELS.where(ints(DType.UINT8, 1), floats(1), ints(DType.INT32, 2), mixed,
        new Broadcast(new int[] {1}, new int[][] {{1}, {1}, {1}}))).isInstanceOf(TensorException.class);
  }

  // ---- unary

  private static float[] unaryFloats(UnaryOp op, double p0, double p1, float... values) {
    DeviceBuffer out = empty(DType.FLOAT32, values.length);
    KERNELS.unary(op, floats(values), out, p0, p1);
    return readFloats(out);
  }

  private static int[] unaryInts(UnaryOp op, DType dtype, double p0, double p1, int... values) {
    DeviceBuffer out = empty(dtype, values.length);
    KERNELS.unary(op, ints(dtype, values), out, p0, p1);
    return readInts(out);
  }

  @Test
  void erfMatchesKnownValues() {
    assertThat(ErrorFunction.erf(0.5)).isCloseTo(0.5204998778130465, offset(1e-15));
    assertThat(ErrorFunction.erf(1)).isCloseTo(0.8427007929497149, offset(1e-15));
    assertThat(ErrorFunction.erf(-2)).isCloseTo(-0.9953222650189527, offset(1e-15));
    assertThat(ErrorFunction.erfc(3) / 2.209049699858544e-05).isCloseTo(1, offset(1e-12));
    assertThat(ErrorFunction.erfc(10) / 2.088487583762545e-45).isCloseTo(1, offset(1e-12));
    assertThat(ErrorFunction.erf(1e-10) / (2 / Math.sqrt(Math.PI) * 1e-10))
        .isCloseTo(1, offset(1e-15));
    assertThat(ErrorFunction.erf(7)).isEqualTo(1.0);
    assertThat(ErrorFunction.erf(Double.NaN)).isNaN();
  }

  @Test
  void floatActivationsAtHandCheckedPoints() {
    assertThat(unaryFloats(UnaryOp.RELU, 0, 0, -1f, -0f, 2f)).containsExactly(0f, 0f, 2f);
    assertThat(unaryFloats(UnaryOp.LEAKY_RELU, 0.1, 0, -10f, 3f)).containsExactly(-1f, 3f);
    assertThat(unaryFloats(UnaryOp.CLIP, -1, 1, -5f, 0.5f, 5f)).containsExactly(-1f, 0.5f, 1f);
    assertThat(unaryFloats(UnaryOp.CLIP, 2, 1, 0f, 5f)).containsExactly(1f, 1f);
    assertThat(unaryFloats(UnaryOp.SIGMOID, 0, 0, 0f, -1000f, 1000f)).containsExactly(0.5f, 0f, 1f);
    // GELU keeps its relative accuracy far into the negative tail: x Phi(x) at x = -10 is about -7.6e-23.
    float tail = unaryFloats(UnaryOp.GELU, 0, 0, -10f)[0];
    assertThat((double) tail).isCloseTo(-10 * 7.619853024160527e-24, offset(1e-28));
    assertThat(unaryFloats(UnaryOp.GELU, 0, 0, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, 0f))
        .containsExactly(0f, Float.POSITIVE_INFINITY, Float.NaN, 0f);
    assertThat(unaryFloats(UnaryOp.GELU_TANH, 0, 0, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY))
        .containsExactly(0f, Float.POSITIVE_INFINITY);
    assertThat(unaryFloats(UnaryOp.LOG, 0, 0, 0f, -1f)).containsExactly(Float.NEGATIVE_INFINITY, Float.NaN);
    assertThat(unaryFloats(UnaryOp.SQRT, 0, 0, 4f, -0f)).containsExactly(2f, -0f);
  }

  @Property(tries = 300)
  void floatUnaryAgreesWithDoubleDefinitions(@ForAll @IntRange(min = -20_000, max = 20_000) int hundredths) {
    float x = hundredths / 1000f;
    checkUnary(UnaryOp.SIGMOID, x, v -> 1 / (1 + Math.exp(-v)));
    checkUnary(UnaryOp.TANH, x, Math::tanh);
    checkUnary(UnaryOp.EXP, x, Math::exp);
    checkUnary(UnaryOp.ERF, x, ErrorFunction::erf);
    // 1 + erf(v / sqrt 2) cancels for v below about -5; erfc(-v / sqrt 2) is the same value without that loss.
    checkUnary(UnaryOp.GELU, x, v -> v * ErrorFunction.erfc(-v / Math.sqrt(2)) / 2);
    checkUnary(UnaryOp.GELU_TANH, x,
        v -> v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))) / 2);
    float positive = Math.abs(x) + 1e-3f;
    checkUnary(UnaryOp.LOG, positive, Math::log);
    checkUnary(UnaryOp.SQRT, positive, Math::sqrt);
  }

  private static void checkUnary(UnaryOp op, float x, DoubleUnaryOperator definition) {
    assertClose(unaryFloats(op, 0, 0, x), new double[] {definition.applyAsDouble(x)}, 1e-5, 1e-30);
  }

  @Test
  void integerUnaryOps() {
    assertThat(unaryInts(UnaryOp.RELU, DType.INT8, 0, 0, -128, 0, 5)).containsExactly(0, 0, 5);
    assertThat(unaryInts(UnaryOp.CLIP, DType.UINT8, 10, 200, 0, 100, 255)).containsExactly(10, 100, 200);
    assertThat(unaryInts(UnaryOp.CLIP, DType.INT32, Double.NEGATIVE_INFINITY, 5, Integer.MIN_VALUE, 9))
        .containsExactly(Integer.MIN_VALUE, 5);
    assertThat(unaryInts(UnaryOp.CLIP, DType.INT8, 3, -3, 0, 100)).containsExactly(-3, -3);
    // alpha 0.5: -3 raw * 0.5 = -1.5 -> -2 (tie to even), -1 raw -> -0.5 -> 0, -5 raw -> -2.5 -> -2.
    assertThat(unaryInts(UnaryOp.LEAKY_RELU, DType.Q16_16, 1 << 15, 0, -3, -1, -5, 7)).containsExactly(-2, 0, -2, 7);
    assertThatThrownBy(() -> unaryInts(UnaryOp.SIGMOID, DType.Q16_16, 0, 0, 1)).isInstanceOf(TensorException.class);
    assertThatThrownBy(() -> unaryInts(UnaryOp.LEAKY_RELU, DType.INT32, 0, 0, 1))
        .isInstanceOf(TensorException.class);
  }
}
