package io.citrate.tensor.internal.java;

import static io.citrate.tensor.internal.java.Buffers.KERNELS;
import static io.citrate.tensor.internal.java.Buffers.assertClose;
import static io.citrate.tensor.internal.java.Buffers.empty;
import static io.citrate.tensor.internal.java.Buffers.floats;
import static io.citrate.tensor.internal.java.Buffers.ints;
import static io.citrate.tensor.internal.java.Buffers.readFloats;
import static io.citrate.tensor.internal.java.Buffers.readInts;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JavaKernelsMatmulTest {

  /** Batches that read A and B at shifted offsets, B's shared between batches when asked. */
  private static Matmul geometry(int batch, int m, int n, int k, boolean transA, boolean transB, boolean shareB,
      int lead) {
    int[] aOffsets = new int[batch];
    int[] bOffsets = new int[batch];
    for (int i = 0; i < batch; i++) {
      aOffsets[i] = lead + i * m * k;
      bOffsets[i] = shareB ? 0 : i * k * n;
    }
    return new Matmul(batch, aOffsets, bOffsets, m, n, k, transA, transB);
  }

  private static int aIndex(Matmul g, int batch, int i, int p) {
    return g.aOffsets()[batch] + (g.transA() ? p * g.m() + i : i * g.k() + p);
  }

  private static int bIndex(Matmul g, int batch, int p, int j) {
    return g.bOffsets()[batch] + (g.transB() ? j * g.k() + p : p * g.n() + j);
  }

  @Test
  void smallProductByHand() {
    DeviceBuffer out = empty(DType.FLOAT32, 4);
    KERNELS.matmul(floats(1, 2, 3, 4, 5, 6), floats(7, 8, 9, 10, 11, 12), out, geometry(1, 2, 2, 3, false, false,
        false, 0));
    assertThat(readFloats(out)).containsExactly(58, 64, 139, 154);
    KERNELS.matmul(floats(1, 2, 3, 4, 5, 6), floats(7, 8, 9, 10, 11, 12), out, geometry(1, 2, 2, 3, true, true,
        false, 0));
    // A^T is 2x3 of [[1,3,5],[2,4,6]], B^T is 3x2 of [[7,10],[8,11],[9,12]].
    assertThat(readFloats(out)).containsExactly(76, 103, 100, 136);
  }

  @Test
  void emptyInnerDimensionGivesZeros() {
    DeviceBuffer out = empty(DType.FLOAT32, 4);
    KERNELS.write(out, new float[] {9, 9, 9, 9});
    KERNELS.matmul(floats(), floats(), out, geometry(1, 2, 2, 0, false, false, false, 0));
    assertThat(readFloats(out)).containsExactly(0, 0, 0, 0);
  }

  @Property(tries = 60)
  void floatProductMatchesDoubleTripleLoop(@ForAll @IntRange(min = 1, max = 3) int batch,
      @ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 300) int k, @ForAll boolean transA, @ForAll boolean transB,
      @ForAll boolean shareB, @ForAll @IntRange(min = 0, max = 3) int lead, @ForAll long seed) {
    checkFloatProduct(geometry(batch, m, n, k, transA, transB, shareB, lead), new Random(seed));
  }

  @Test
  void largeProductsSplitAcrossThreadsAndBlocks() {
    Random random = new Random(7);
    checkFloatProduct(geometry(1, 300, 270, 530, false, false, false, 0), random);
    checkFloatProduct(geometry(1, 3, 700, 300, true, false, false, 1), random);
    checkFloatProduct(geometry(40, 9, 33, 40, false, true, true, 2), random);
  }

  private static void checkFloatProduct(Matmul g, Random random) {
    float[] a = randomFloats(random, g.aOffsets()[g.batch() - 1] + g.m() * g.k());
    float[] b = randomFloats(random, g.bOffsets()[g.batch() - 1] + g.k() * g.n());
    DeviceBuffer out = empty(DType.FLOAT32, g.batch() * g.m() * g.n());
    KERNELS.matmul(floats(a), floats(b), out, g);
    double[] want = new double[g.batch() * g.m() * g.n()];
    double[] magnitude = new double[want.length];
    for (int batch = 0; batch < g.batch(); batch++) {
      for (int i = 0; i < g.m(); i++) {
        for (int j = 0; j < g.n(); j++) {
          double sum = 0;
          double absolute = 0;
          for (int p = 0; p < g.k(); p++) {
            double product = (double) a[aIndex(g, batch, i, p)] * b[bIndex(g, batch, p, j)];
            sum += product;
            absolute += Math.abs(product);
          }
          want[(batch * g.m() + i) * g.n() + j] = sum;
          magnitude[(batch * g.m() + i) * g.n() + j] = absolute;
        }
      }
    }
    float[] got = readFloats(out);
    for (int i = 0; i < want.length; i++) {
      // Float summation error is bounded by about k * eps * sum |products|.
      double bound = 2 * g.k() * Math.ulp(1f) * magnitude[i] + 1e-30;
      assertThat(Math.abs(got[i] - want[i])).as("element %d", i).isLessThanOrEqualTo(bound);
    }
  }

  private static float[] randomFloats(Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  @Test
  void fixedPointProductRoundsTheSumOnce() {
    // 0.5 raw units each: (1 * 2^15 + 1 * 2^15) / 2^16 = 1 exactly, and 3 * 2^15 / 2^16 = 1.5 -> 2, 5 -> 2.
    DeviceBuffer out = empty(DType.Q16_16, 3);
    KERNELS.matmul(ints(DType.Q16_16, 1, 1, 3, 0, 5, 0), ints(DType.Q16_16, 1 << 15, 1 << 15), out,
        geometry(1, 3, 1, 2, false, false, false, 0));
    assertThat(readInts(out)).containsExactly(1, 2, 2);
    DeviceBuffer negative = empty(DType.Q16_16, 2);
    KERNELS.matmul(ints(DType.Q16_16, -3, -5), ints(DType.Q16_16, 1 << 15), negative,
        geometry(1, 2, 1, 1, false, false, false, 0));
    assertThat(readInts(negative)).containsExactly(-2, -2);
  }

  @Test
  void int64SumsWrapBeforeSaturating() {
    int min = Integer.MIN_VALUE;
    // Two products of 2^62 sum to 2^63, which wraps to -2^63 in int64 and so saturates low, not high.
    assertThat(int32Dot(min, 2)).isEqualTo(min);
    // Four wrap to exactly 0.
    assertThat(int32Dot(min, 4)).isZero();
    assertThat(int32Dot(min, 1)).isEqualTo(Integer.MAX_VALUE);
    DeviceBuffer fixed = empty(DType.Q16_16, 1);
    KERNELS.matmul(ints(DType.Q16_16, 200 << 16), ints(DType.Q16_16, -200 << 16), fixed,
        geometry(1, 1, 1, 1, false, false, false, 0));
    assertThat(readInts(fixed)).containsExactly(min);
  }

  /** The INT32 dot product of two vectors of {@code length} copies of {@code value}. */
  /** Element (batch, i, j) of the product by its definition. */
  @FunctionalInterface
  private interface ExpectedElement {
    int at(int batch, int i, int j);
  }

  /** Compares every element of a batch of m x n int products with its definition. */
  private static void assertEveryElement(int[] got, int batch, int m, int n, ExpectedElement expected) {
    for (int s = 0; s < batch; s++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          assertThat(got[(s * m + i) * n + j]).isEqualTo(expected.at(s, i, j));
        }
      }
    }
  }

  private static int int32Dot(int value, int length) {
    int[] vector = new int[length];
    Arrays.fill(vector, value);
    DeviceBuffer out = empty(DType.INT32, 1);
    KERNELS.matmul(ints(DType.INT32, vector), ints(DType.INT32, vector), out,
        geometry(1, 1, 1, length, false, false, false, 0));
    return readInts(out)[0];
  }

  @Property(tries = 60)
  void exactProductsMatchNaiveInt64(@ForAll @IntRange(min = 1, max = 2) int batch,
      @ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int n,
      @ForAll @IntRange(min = 1, max = 9) int k, @ForAll boolean transA, @ForAll boolean transB,
      @ForAll boolean fixedPoint, @ForAll long seed) {
    Random random = new Random(seed);
    Matmul g = geometry(batch, m, n, k, transA, transB, false, 1);
    int bound = random.nextBoolean() ? 1 << 20 : Integer.MAX_VALUE;
    int[] a = random.ints(1 + batch * m * k, -bound, bound).toArray();
    int[] b = random.ints(batch * k * n, -bound, bound).toArray();
    DType dtype = fixedPoint ? DType.Q16_16 : DType.INT32;
    DeviceBuffer out = empty(dtype, batch * m * n);
    KERNELS.matmul(ints(dtype, a), ints(dtype, b), out, g);
    int[] got = readInts(out);
    assertEveryElement(got, batch, m, n, (s, i, j) -> {
      long sum = 0;
      for (int p = 0; p < k; p++) {
        sum += (long) a[aIndex(g, s, i, p)] * b[bIndex(g, s, p, j)];
      }
      return FixedPoint.saturate(fixedPoint ? FixedPoint.roundShift(sum, 16) : sum);
    });
  }

  @Property(tries = 60)
  void integerProductLessZeroPointsMatchesNaive(@ForAll @IntRange(min = 1, max = 2) int batch,
      @ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 300) int k, @ForAll boolean transA, @ForAll boolean transB,
      @ForAll boolean aSigned, @ForAll boolean bSigned, @ForAll boolean perRow, @ForAll boolean perColumn,
      @ForAll long seed) {
    Random random = new Random(seed);
    Matmul g = geometry(batch, m, n, k, transA, transB, false, 0);
    DType aType = aSigned ? DType.INT8 : DType.UINT8;
    DType bType = bSigned ? DType.INT8 : DType.UINT8;
    int[] a = eightBit(random, aType, batch * m * k);
    int[] b = eightBit(random, bType, batch * k * n);
    int[] aZero = eightBit(random, aType, perRow ? m : 1);
    int[] bZero = eightBit(random, bType, perColumn ? n : 1);
    DeviceBuffer out = empty(DType.INT32, batch * m * n);
    KERNELS.matmulInteger(ints(aType, a), ints(bType, b), out, g, aZero, bZero);
    int[] got = readInts(out);
    assertEveryElement(got, batch, m, n, (s, i, j) -> {
      int sum = 0;
      for (int p = 0; p < k; p++) {
        sum += (a[aIndex(g, s, i, p)] - aZero[perRow ? i : 0]) * (b[bIndex(g, s, p, j)] - bZero[perColumn ? j : 0]);
      }
      return sum;
    });
  }

  @Test
  void integerProductWrapsInInt32() {
    // 255 * 255 * 33026 = 2147615650 wraps past 2^31 to -2147351646.
    int k = 33_026;
    int[] a = new int[k];
    Arrays.fill(a, 255);
    DeviceBuffer out = empty(DType.INT32, 1);
    KERNELS.matmulInteger(ints(DType.UINT8, a), ints(DType.UINT8, a), out, geometry(1, 1, 1, k, false, false,
        false, 0), new int[] {0}, new int[] {0});
    assertThat(readInts(out)).containsExactly(255 * 255 * k);
    assertThat(255 * 255 * k).isNegative();
  }

  static int[] eightBit(Random random, DType dtype, int count) {
    return dtype == DType.INT8 ? random.ints(count, -128, 128).toArray() : random.ints(count, 0, 256).toArray();
  }
}
