package io.citrate.tensor.internal.java;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Matrix products and convolutions. FLOAT32 and 8-bit products go through the blocked GEMMs; convolutions of
 * those types lower to GEMM over an im2col matrix built in bounded slices. INT32 and Q16_16 products and
 * Q16_16 convolutions accumulate in wrapping int64 with straightforward loops.
 */
final class LinearKernels {
  /** Upper bound on the elements of one im2col slice, to keep a convolution's scratch memory bounded. */
  private static final int IM2COL_ELEMENTS = 1 << 20;
  /** Batches of at least this many multiply-adds in total run in parallel when each product is small. */
  private static final long PARALLEL_WORK = 1L << 18;

  private LinearKernels() {}

  static void matmul(JavaBuffer a, JavaBuffer b, JavaBuffer out, Matmul g) {
    DType dtype = out.dtype();
    switch (dtype) {
      case FLOAT32 -> {
        float[] left = a.floats();
        float[] right = b.floats();
        float[] result = out.floats();
        forEachBatch(g, batch -> FloatGemm.multiply(g.m(), g.n(), g.k(),
            new FloatGemm.Operand(left, g.aOffsets()[batch], rowStrideA(g), columnStrideA(g)),
            new FloatGemm.Operand(right, g.bOffsets()[batch], rowStrideB(g), columnStrideB(g)),
            result, batch * g.m() * g.n(), g.n()));
      }
      case INT32, Q16_16 -> {
        int[] left = a.ints();
        int[] right = b.ints();
        int[] result = out.ints();
        forEachBatch(g, batch -> wideProduct(left, right, result, g, batch, dtype == DType.Q16_16));
      }
      default -> throw new TensorException(TensorException.Kind.WRONG_DTYPE, "matmul does not take " + dtype);
    }
  }

  /**
   * One INT32 or Q16_16 product: sums in wrapping int64, then INT32 saturates and Q16_16 rounds the Q32.32 sum
   * with roundShift(sum, 16) and saturates.
   */
  private static void wideProduct(int[] a, int[] b, int[] out, Matmul g, int batch, boolean fixedPoint) {
    int m = g.m();
    int n = g.n();
    int k = g.k();
    int aOffset = g.aOffsets()[batch];
    int bOffset = g.bOffsets()[batch];
    int outOffset = batch * m * n;
    long[] row = new long[n];
    for (int i = 0; i < m; i++) {
      Arrays.fill(row, 0L);
      for (int p = 0; p < k; p++) {
        long aValue = a[aOffset + i * rowStrideA(g) + p * columnStrideA(g)];
        int bRow = bOffset + p * rowStrideB(g);
        int bStep = columnStrideB(g);
        for (int j = 0; j < n; j++) {
          row[j] += aValue * b[bRow + j * bStep];
        }
      }
      for (int j = 0; j < n; j++) {
        long sum = fixedPoint ? FixedPoint.roundShift(row[j], FixedPoint.FRACTION_BITS) : row[j];
        out[outOffset + i * n + j] = FixedPoint.saturate(sum);
      }
    }
  }

  static void matmulInteger(JavaBuffer a, JavaBuffer b, JavaBuffer out, Matmul g, int[] aZero, int[] bZero) {
    int m = g.m();
    int n = g.n();
    int k = g.k();
    int[] result = out.ints();
    forEachBatch(g, batch -> {
      // The operands less their zero points, laid out row-major for the int32 GEMM.
      int[] left = new int[m * k];
      for (int i = 0; i < m; i++) {
        int zero = aZero[aZero.length == 1 ? 0 : i];
        for (int p = 0; p < k; p++) {
          left[i * k + p] = a.intAt(g.aOffsets()[batch] + i * rowStrideA(g) + p * columnStrideA(g)) - zero;
        }
      }
      int[] right = new int[k * n];
      for (int p = 0; p < k; p++) {
        for (int j = 0; j < n; j++) {
          int zero = bZero[bZero.length == 1 ? 0 : j];
          right[p * n + j] = b.intAt(g.bOffsets()[batch] + p * rowStrideB(g) + j * columnStrideB(g)) - zero;
        }
      }
      IntGemm.multiply(m, n, k, new IntGemm.Operand(left, 0, k, 1), new IntGemm.Operand(right, 0, n, 1), result,
          batch * m * n, n);
    });
  }

  static void conv2d(JavaBuffer x, JavaBuffer weights, JavaBuffer bias, JavaBuffer out, Conv g) {
    switch (out.dtype()) {
      case FLOAT32 -> floatConv(x.floats(), weights.floats(), bias == null ? null : bias.floats(), out.floats(), g);
      case Q16_16 -> fixedConv(x.ints(), weights.ints(), bias == null ? null : bias.ints(), out.ints(), g);
      default -> throw new TensorException(TensorException.Kind.WRONG_DTYPE,
          "conv2d does not take " + out.dtype());
    }
  }

  private static void floatConv(float[] x, float[] w, float[] bias, float[] out, Conv g) {
    int groupChannels = g.inChannels() / g.groups();
    int groupOutputs = g.outChannels() / g.groups();
    int taps = groupChannels * g.kernelHeight() * g.kernelWidth();
    int spatial = g.outHeight() * g.outWidth();
    int inPlane = g.inHeight() * g.inWidth();
    int slice = Math.max(1, Math.min(spatial, IM2COL_ELEMENTS / Math.max(1, taps)));
    float[] columns = isPointwise(g) ? null : new float[taps * slice];
    int[] sources = new int[slice];
    for (int n = 0; n < g.batch(); n++) {
      for (int group = 0; group < g.groups(); group++) {
        FloatGemm.Operand filters = new FloatGemm.Operand(w, group * groupOutputs * taps, taps, 1);
        int outBase = (n * g.outChannels() + group * groupOutputs) * spatial;
        int inBase = (n * g.inChannels() + group * groupChannels) * inPlane;
        if (columns == null) {
          // A 1x1 kernel with unit stride and no padding reads the input plane as the im2col matrix itself.
          FloatGemm.multiply(groupOutputs, spatial, taps, filters, new FloatGemm.Operand(x, inBase, inPlane, 1), out,
              outBase, spatial);
          continue;
        }
        for (int start = 0; start < spatial; start += slice) {
          int width = Math.min(slice, spatial - start);
          for (int r = 0; r < taps; r++) {
            tapSources(g, r, start, width, sources);
            for (int s = 0, column = r * width; s < width; s++, column++) {
              columns[column] = sources[s] < 0 ? 0f : x[inBase + sources[s]];
            }
          }
          FloatGemm.multiply(groupOutputs, width, taps, filters, new FloatGemm.Operand(columns, 0, width, 1), out,
              outBase + start, spatial);
        }
      }
      if (bias != null) {
        for (int m = 0; m < g.outChannels(); m++) {
          int base = (n * g.outChannels() + m) * spatial;
          for (int s = 0; s < spatial; s++) {
            out[base + s] += bias[m];
          }
        }
      }
    }
  }

  /**
   * Row r of the im2col matrix for a slice of output positions: {@code sources[s]} is the offset of tap r of
   * position {@code start + s} from the first input plane of its group, or -1 where the tap falls in the padding.
   */
  private static void tapSources(Conv g, int r, int start, int width, int[] sources) {
    int plane = r / (g.kernelHeight() * g.kernelWidth()) * g.inHeight() * g.inWidth();
    int rowShift = r / g.kernelWidth() % g.kernelHeight() * g.dilationHeight() - g.padTop();
    int columnShift = r % g.kernelWidth() * g.dilationWidth() - g.padLeft();
    int oh = start / g.outWidth();
    int ow = start % g.outWidth();
    for (int s = 0; s < width; s++) {
      int ih = oh * g.strideHeight() + rowShift;
      int iw = ow * g.strideWidth() + columnShift;
      boolean inside = ih >= 0 && ih < g.inHeight() && iw >= 0 && iw < g.inWidth();
      sources[s] = inside ? plane + ih * g.inWidth() + iw : -1;
      if (++ow == g.outWidth()) {
        ow = 0;
        oh++;
      }
    }
  }

  private static boolean isPointwise(Conv g) {
    return g.kernelHeight() == 1 && g.kernelWidth() == 1 && g.strideHeight() == 1 && g.strideWidth() == 1
        && g.padTop() == 0 && g.padLeft() == 0 && g.outHeight() == g.inHeight() && g.outWidth() == g.inWidth();
  }

  /** Q16_16: products and {@code bias << 16} summed in wrapping int64, then roundShift(sum, 16), saturated. */
  private static void fixedConv(int[] x, int[] w, int[] bias, int[] out, Conv g) {
    int groupChannels = g.inChannels() / g.groups();
    int groupOutputs = g.outChannels() / g.groups();
    int kernelArea = g.kernelHeight() * g.kernelWidth();
    int inPlane = g.inHeight() * g.inWidth();
    int spatial = g.outHeight() * g.outWidth();
    for (int n = 0; n < g.batch(); n++) {
      for (int m = 0; m < g.outChannels(); m++) {
        int firstChannel = m / groupOutputs * groupChannels;
        for (int oh = 0; oh < g.outHeight(); oh++) {
          for (int ow = 0; ow < g.outWidth(); ow++) {
            long sum = bias == null ? 0 : (long) bias[m] << FixedPoint.FRACTION_BITS;
            for (int c = 0; c < groupChannels; c++) {
              int plane = (n * g.inChannels() + firstChannel + c) * inPlane;
              int filter = (m * groupChannels + c) * kernelArea;
              for (int kh = 0; kh < g.kernelHeight(); kh++) {
                int ih = oh * g.strideHeight() - g.padTop() + kh * g.dilationHeight();
                if (ih < 0 || ih >= g.inHeight()) {
                  continue;
                }
                for (int kw = 0; kw < g.kernelWidth(); kw++) {
                  int iw = ow * g.strideWidth() - g.padLeft() + kw * g.dilationWidth();
                  if (iw >= 0 && iw < g.inWidth()) {
                    sum += (long) x[plane + ih * g.inWidth() + iw] * w[filter + kh * g.kernelWidth() + kw];
                  }
                }
              }
            }
            long rounded = FixedPoint.roundShift(sum, FixedPoint.FRACTION_BITS);
            out[(n * g.outChannels() + m) * spatial + oh * g.outWidth() + ow] = FixedPoint.saturate(rounded);
          }
        }
      }
    }
  }

  /** INT32 convolution of 8-bit operands less zero points: im2col of {@code x - xZero} (padding 0) times W'. */
  static void convInteger(JavaBuffer x, JavaBuffer weights, JavaBuffer out, Conv g, int xZero, int[] wZero) {
    int groupChannels = g.inChannels() / g.groups();
    int groupOutputs = g.outChannels() / g.groups();
    int taps = groupChannels * g.kernelHeight() * g.kernelWidth();
    int spatial = g.outHeight() * g.outWidth();
    int inPlane = g.inHeight() * g.inWidth();
    int[] filters = weights.toInts();
    for (int m = 0; m < g.outChannels(); m++) {
      int zero = wZero[wZero.length == 1 ? 0 : m];
      for (int r = 0; r < taps; r++) {
        filters[m * taps + r] -= zero;
      }
    }
    int[] input = x.toInts();
    int[] result = out.ints();
    int slice = Math.max(1, Math.min(spatial, IM2COL_ELEMENTS / Math.max(1, taps)));
    int[] columns = new int[taps * slice];
    int[] sources = new int[slice];
    for (int n = 0; n < g.batch(); n++) {
      for (int group = 0; group < g.groups(); group++) {
        IntGemm.Operand filter = new IntGemm.Operand(filters, group * groupOutputs * taps, taps, 1);
        int outBase = (n * g.outChannels() + group * groupOutputs) * spatial;
        int inBase = (n * g.inChannels() + group * groupChannels) * inPlane;
        for (int start = 0; start < spatial; start += slice) {
          int width = Math.min(slice, spatial - start);
          for (int r = 0; r < taps; r++) {
            tapSources(g, r, start, width, sources);
            for (int s = 0, column = r * width; s < width; s++, column++) {
              // Padding reads as the x zero point, so it contributes 0 once that is subtracted.
              columns[column] = sources[s] < 0 ? 0 : input[inBase + sources[s]] - xZero;
            }
          }
          IntGemm.multiply(groupOutputs, width, taps, filter, new IntGemm.Operand(columns, 0, width, 1), result,
              outBase + start, spatial);
        }
      }
    }
  }

  @FunctionalInterface
  private interface BatchProduct {
    void compute(int batch);
  }

  /** Runs the batches; many small products go to the common pool together, large ones parallelise inside. */
  private static void forEachBatch(Matmul g, BatchProduct product) {
    long each = (long) g.m() * g.n() * g.k();
    if (g.batch() > 1 && each < PARALLEL_WORK && each * g.batch() >= PARALLEL_WORK) {
      IntStream.range(0, g.batch()).parallel().forEach(product::compute);
    } else {
      for (int batch = 0; batch < g.batch(); batch++) {
        product.compute(batch);
      }
    }
  }

  private static int rowStrideA(Matmul g) {
    return g.transA() ? 1 : g.k();
  }

  private static int columnStrideA(Matmul g) {
    return g.transA() ? g.m() : 1;
  }

  private static int rowStrideB(Matmul g) {
    return g.transB() ? 1 : g.n();
  }

  private static int columnStrideB(Matmul g) {
    return g.transB() ? g.k() : 1;
  }
}
