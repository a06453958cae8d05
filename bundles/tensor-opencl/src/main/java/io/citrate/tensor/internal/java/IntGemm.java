package io.citrate.tensor.internal.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * Integer C = A B with sums wrapping in int32 (two's complement, so the order of summation does not matter), the
 * product of 8-bit operands less their zero points. It follows {@link FloatGemm}'s packing and blocking over
 * int arrays (generics do not reach primitive arrays), but its kernel updates one row of C per pass: int
 * multiplies, not loads, bound it, and four rows at once measured slower.
 */
final class IntGemm {
  /**
   * Panel sizes: a packed KC x NC panel of B (256 KiB) stays in the L2 cache while four of its rows (4 KiB)
   * and an MC x NC block of C (16 KiB) stay in L1 as the kernel sweeps them.
   */
  private static final int KC = 256;
  private static final int NC = 256;
  private static final int MC = 16;
  /** Products of at least this many multiply-adds are split across threads. */
  private static final long PARALLEL_WORK = 1L << 18;

  private IntGemm() {}

  /** A matrix in an int array: element (row, column) at {@code offset + row * rowStride + column * columnStride}. */
  record Operand(int[] data, int offset, int rowStride, int columnStride) {}

  /** Writes the m x n product of A (m x k) and B (k x n) into C at {@code cOffset} with row stride {@code ldc}. */
  static void multiply(int m, int n, int k, Operand a, Operand b, int[] c, int cOffset, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    long work = (long) m * n * k;
    int threads = Runtime.getRuntime().availableProcessors();
    if (work < PARALLEL_WORK || threads < 2) {
      multiplyBlock(0, m, 0, n, k, a, b, c, cOffset, ldc);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    int pieces = threads * 2;
    if (m >= n) {
      int rows = roundUp(Math.max(MC, ceilDiv(m, pieces)), MC);
      for (int start = 0; start < m; start += rows) {
        int from = start;
        int to = Math.min(m, start + rows);
        tasks.add(ForkJoinTask.adapt(() -> multiplyBlock(from, to, 0, n, k, a, b, c, cOffset, ldc)));
      }
    } else {
      int columns = roundUp(Math.max(64, ceilDiv(n, pieces)), 64);
      for (int start = 0; start < n; start += columns) {
        int from = start;
        int to = Math.min(n, start + columns);
        tasks.add(ForkJoinTask.adapt(() -> multiplyBlock(0, m, from, to, k, a, b, c, cOffset, ldc)));
      }
    }
    ForkJoinTask.invokeAll(tasks);
  }

  /** Rows [rowFrom, rowTo) and columns [columnFrom, columnTo) of C, on the calling thread. */
  private static void multiplyBlock(int rowFrom, int rowTo, int columnFrom, int columnTo, int k, Operand a,
      Operand b, int[] c, int cOffset, int ldc) {
    if (k == 0) {
      for (int i = rowFrom; i < rowTo; i++) {
        int row = cOffset + i * ldc;
        Arrays.fill(c, row + columnFrom, row + columnTo, 0);
      }
      return;
    }
    int[] packedA = new int[MC * Math.min(KC, k)];
    int[] packedB = new int[Math.min(KC, k) * Math.min(NC, columnTo - columnFrom)];
    for (int jc = columnFrom; jc < columnTo; jc += NC) {
      int nc = Math.min(NC, columnTo - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        packB(b, pc, jc, kc, nc, packedB);
        for (int ic = rowFrom; ic < rowTo; ic += MC) {
          int mc = Math.min(MC, rowTo - ic);
          packA(a, ic, pc, mc, kc, packedA);
          kernel(packedA, packedB, mc, nc, kc, c, cOffset + ic * ldc + jc, ldc, pc == 0);
        }
      }
    }
  }

  /** packed[p * nc + j] = B(pc + p, jc + j). */
  private static void packB(Operand b, int pc, int jc, int kc, int nc, int[] packed) {
    int[] data = b.data();
    for (int p = 0; p < kc; p++) {
      int source = b.offset() + (pc + p) * b.rowStride() + jc * b.columnStride();
      int target = p * nc;
      if (b.columnStride() == 1) {
        System.arraycopy(data, source, packed, target, nc);
      } else {
        int step = b.columnStride();
        for (int j = 0; j < nc; j++) {
          packed[target + j] = data[source + j * step];
        }
      }
    }
  }

  /** packed[i * kc + p] = A(ic + i, pc + p). */
  private static void packA(Operand a, int ic, int pc, int mc, int kc, int[] packed) {
    int[] data = a.data();
    for (int i = 0; i < mc; i++) {
      int source = a.offset() + (ic + i) * a.rowStride() + pc * a.columnStride();
      int target = i * kc;
      if (a.columnStride() == 1) {
        System.arraycopy(data, source, packed, target, kc);
      } else {
        int step = a.columnStride();
        for (int p = 0; p < kc; p++) {
          packed[target + p] = data[source + p * step];
        }
      }
    }
  }

  /** C block (mc x nc at cBase) += packed A (mc x kc) times packed B (kc x nc); zeroed first when asked. */
  private static void kernel(int[] packedA, int[] packedB, int mc, int nc, int kc, int[] c, int cBase,
      int ldc, boolean zeroFirst) {
    if (zeroFirst) {
      for (int i = 0; i < mc; i++) {
        Arrays.fill(c, cBase + i * ldc, cBase + i * ldc + nc, 0);
      }
    }
    int p = 0;
    for (; p + 3 < kc; p += 4) {
      int b0 = p * nc;
      int b1 = b0 + nc;
      int b2 = b1 + nc;
      int b3 = b2 + nc;
      for (int i = 0; i < mc; i++) {
        int aRow = i * kc + p;
        int a0 = packedA[aRow];
        int a1 = packedA[aRow + 1];
        int a2 = packedA[aRow + 2];
        int a3 = packedA[aRow + 3];
        int row = cBase + i * ldc;
        for (int j = 0; j < nc; j++) {
          c[row + j] += a0 * packedB[b0 + j] + a1 * packedB[b1 + j] + a2 * packedB[b2 + j]
              + a3 * packedB[b3 + j];
        }
      }
    }
    for (; p < kc; p++) {
      int b0 = p * nc;
      for (int i = 0; i < mc; i++) {
        int a0 = packedA[i * kc + p];
        int row = cBase + i * ldc;
        for (int j = 0; j < nc; j++) {
          c[row + j] += a0 * packedB[b0 + j];
        }
      }
    }
  }

  private static int ceilDiv(int value, int divisor) {
    return (value + divisor - 1) / divisor;
  }

  private static int roundUp(int value, int multiple) {
    return ceilDiv(value, multiple) * multiple;
  }
}
