package io.citrate.tensor.internal.java;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.PoolKind;

/**
 * Pooling over three spatial dimensions. A window's taps are visited in row-major order; taps outside the input
 * are skipped. MAX keeps the first greatest tap (a NaN, once met, wins over every number) and reports its index
 * flattened over the whole input; a window with no tap inside the input gives the type's least value (FLOAT32:
 * negative infinity) and index -1, and an average of no taps is 0. FLOAT32 averages sum in double; integer
 * averages sum in int64 and divide with FixedPoint.divideRounded.
 */
final class PoolKernels {
  private PoolKernels() {}

  static void pool(PoolKind kind, JavaBuffer in, JavaBuffer out, JavaBuffer indices, Pool g) {
    int[] inDims = g.inDims();
    int[] outDims = g.outDims();
    int inPlane = inDims[0] * inDims[1] * inDims[2];
    int outPlane = outDims[0] * outDims[1] * outDims[2];
    boolean floating = in.dtype() == DType.FLOAT32;
    float[] floats = floating ? in.floats() : null;
    int[] ints = floating ? null : in.toInts();
    float[] floatResult = floating ? out.floats() : null;
    int[] intResult = floating ? null : new int[out.count()];
    int[] argmax = indices == null ? null : indices.ints();
    int[] window = new int[3];
    for (int plane = 0; plane < g.planes(); plane++) {
      int inBase = plane * inPlane;
      for (int o0 = 0; o0 < outDims[0]; o0++) {
        for (int o1 = 0; o1 < outDims[1]; o1++) {
          for (int o2 = 0; o2 < outDims[2]; o2++) {
            window[0] = o0;
            window[1] = o1;
            window[2] = o2;
            int target = plane * outPlane + (o0 * outDims[1] + o1) * outDims[2] + o2;
            Window taps = new Window(g, window);
            if (kind == PoolKind.MAX) {
              int best = floating ? maxFloat(floats, inBase, taps) : maxInt(ints, inBase, taps);
              if (floating) {
                floatResult[target] = best < 0 ? Float.NEGATIVE_INFINITY : floats[inBase + best];
              } else {
                intResult[target] = best < 0 ? (int) in.dtype().minValue() : ints[inBase + best];
              }
              if (argmax != null) {
                argmax[target] = best < 0 ? -1 : inBase + best;
              }
            } else {
              int count = kind == PoolKind.AVERAGE_INCLUDING_PAD ? taps.paddedCount() : taps.insideCount();
              if (floating) {
                double sum = 0;
                for (int t = 0; t < taps.size(); t++) {
                  sum += floats[inBase + taps.offset(t)];
                }
                floatResult[target] = count == 0 ? 0f : (float) (sum / count);
              } else {
                long sum = 0;
                for (int t = 0; t < taps.size(); t++) {
                  sum += ints[inBase + taps.offset(t)];
                }
                intResult[target] = count == 0 ? 0 : (int) FixedPoint.divideRounded(sum, count);
              }
            }
          }
        }
      }
    }
    if (!floating) {
      JavaKernels.storeInts(out, intResult);
    }
  }

  /** The tap offset (within the plane) of the first greatest value, NaN counting as greatest; -1 if none. */
  private static int maxFloat(float[] values, int base, Window taps) {
    int best = -1;
    float bestValue = 0;
    for (int t = 0; t < taps.size(); t++) {
      float value = values[base + taps.offset(t)];
      if (best < 0 || value > bestValue || (Float.isNaN(value) && !Float.isNaN(bestValue))) {
        best = taps.offset(t);
        bestValue = value;
      }
    }
    return best;
  }

  private static int maxInt(int[] values, int base, Window taps) {
    int best = -1;
    int bestValue = 0;
    for (int t = 0; t < taps.size(); t++) {
      int value = values[base + taps.offset(t)];
      if (best < 0 || value > bestValue) {
        best = taps.offset(t);
        bestValue = value;
      }
    }
    return best;
  }

  /** The taps of one window that lie inside the input, in row-major order, and its padded tap count. */
  private static final class Window {
    private final int[] offsets;
    private final int size;
    private final int paddedCount;

    Window(Pool g, int[] out) {
      int[] inDims = g.inDims();
      int[][] inside = new int[3][];
      int[] insideCounts = new int[3];
      int padded = 1;
      for (int d = 0; d < 3; d++) {
        int start = out[d] * g.strides()[d] - g.padBegin()[d];
        inside[d] = new int[g.kernel()[d]];
        int paddedTaps = 0;
        for (int t = 0; t < g.kernel()[d]; t++) {
          int position = start + t * g.dilations()[d];
          if (position >= 0 && position < inDims[d]) {
            inside[d][insideCounts[d]++] = position;
          }
          if (position >= -g.padBegin()[d] && position < inDims[d] + g.padEnd()[d]) {
            paddedTaps++;
          }
        }
        padded *= paddedTaps;
      }
      offsets = new int[insideCounts[0] * insideCounts[1] * insideCounts[2]];
      int n = 0;
      for (int a = 0; a < insideCounts[0]; a++) {
        for (int b = 0; b < insideCounts[1]; b++) {
          for (int c = 0; c < insideCounts[2]; c++) {
            offsets[n++] = (inside[0][a] * inDims[1] + inside[1][b]) * inDims[2] + inside[2][c];
          }
        }
      }
      size = n;
      paddedCount = padded;
    }

    int size() {
      return size;
    }

    int offset(int tap) {
      return offsets[tap];
    }

    int insideCount() {
      return size;
    }

    int paddedCount() {
      return paddedCount;
    }
  }
}
