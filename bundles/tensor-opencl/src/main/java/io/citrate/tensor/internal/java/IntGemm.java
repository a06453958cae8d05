package io.citrate.tensor.internal.java;

import java.util.Arrays;

/**
 * Integer C = A B with sums wrapping in int32 (two's complement, so the order of summation does not matter), the
 * product of 8-bit operands less their zero points. It shares {@link GemmBlocking}'s panels and threads with
 * {@link FloatGemm} and packs the same way over int arrays (generics do not reach primitive arrays), but its
 * kernel updates one row of C per pass: int multiplies, not loads, bound it, and four rows at once measured slower.
 */
final class IntGemm {
  private IntGemm() {}

  /** A matrix in an int array: element (row, column) at {@code offset + row * rowStride + column * columnStride}. */
  record Operand(int[] data, int offset, int rowStride, int columnStride) {}

  /** Writes the m x n product of A (m x k) and B (k x n) into C at {@code cOffset} with row stride {@code ldc}. */
  static void multiply(int m, int n, int k, Operand a, Operand b, int[] c, int cOffset, int ldc) {
    if (k == 0) {
      for (int i = 0; i < m; i++) {
        Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, 0);
      }
      return;
    }
    GemmBlocking.multiply(m, n, k, (kc, nc) -> new Panels(a, b, c, cOffset, ldc,
        new int[GemmBlocking.MC * kc], new int[kc * nc]));
  }

  /** One thread's packed panels of A and B, and the block of C they multiply into. */
  private record Panels(Operand a, Operand b, int[] c, int cOffset, int ldc, int[] packedA, int[] packedB)
      implements GemmBlocking.Panels {
    @Override
    public void packB(int pc, int jc, int kc, int nc) {
      IntGemm.packB(b, pc, jc, kc, nc, packedB);
    }

    @Override
    public void packA(int ic, int pc, int mc, int kc) {
      IntGemm.packA(a, ic, pc, mc, kc, packedA);
    }

    @Override
    public void multiplyPacked(int ic, int jc, int mc, int nc, int kc, boolean zeroFirst) {
      kernel(packedA, packedB, mc, nc, kc, c, cOffset + ic * ldc + jc, ldc, zeroFirst);
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
}
