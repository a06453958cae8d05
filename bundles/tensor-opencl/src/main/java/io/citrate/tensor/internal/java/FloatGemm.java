package io.citrate.tensor.internal.java;

import java.util.Arrays;

/**
 * Single-precision C = A B over {@link GemmBlocking}'s panels and threads. Panels of B and A are packed
 * contiguously so the innermost loop runs over a contiguous row of C and of packed B, which the JIT turns into
 * SIMD; each pass adds four steps of k to four rows of C at once, cutting the loads and stores per multiply-add.
 */
final class FloatGemm {
  private FloatGemm() {}

  /** A matrix in a float array: element (row, column) at {@code offset + row * rowStride + column * columnStride}. */
  record Operand(float[] data, int offset, int rowStride, int columnStride) {}

  /** Writes the m x n product of A (m x k) and B (k x n) into C at {@code cOffset} with row stride {@code ldc}. */
  static void multiply(int m, int n, int k, Operand a, Operand b, float[] c, int cOffset, int ldc) {
    if (k == 0) {
      for (int i = 0; i < m; i++) {
        Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, 0f);
      }
      return;
    }
    GemmBlocking.multiply(m, n, k, (kc, nc) -> new Panels(a, b, c, cOffset, ldc,
        new float[GemmBlocking.MC * kc], new float[kc * nc]));
  }

  /** One thread's packed panels of A and B, and the block of C they multiply into. */
  private record Panels(Operand a, Operand b, float[] c, int cOffset, int ldc, float[] packedA, float[] packedB)
      implements GemmBlocking.Panels {
    @Override
    public void packB(int pc, int jc, int kc, int nc) {
      FloatGemm.packB(b, pc, jc, kc, nc, packedB);
    }

    @Override
    public void packA(int ic, int pc, int mc, int kc) {
      FloatGemm.packA(a, ic, pc, mc, kc, packedA);
    }

    @Override
    public void multiplyPacked(int ic, int jc, int mc, int nc, int kc, boolean zeroFirst) {
      kernel(packedA, packedB, mc, nc, kc, c, cOffset + ic * ldc + jc, ldc, zeroFirst);
    }
  }

  /** packed[p * nc + j] = B(pc + p, jc + j). */
  private static void packB(Operand b, int pc, int jc, int kc, int nc, float[] packed) {
    float[] data = b.data();
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
  private static void packA(Operand a, int ic, int pc, int mc, int kc, float[] packed) {
    float[] data = a.data();
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

  /**
   * C block (mc x nc at cBase) += packed A (mc x kc) times packed B (kc x nc); zeroed first when asked. Each pass
   * over a row of C adds four steps of k, and four rows share the loads of B.
   */
  private static void kernel(float[] packedA, float[] packedB, int mc, int nc, int kc, float[] c, int cBase,
      int ldc, boolean zeroFirst) {
    if (zeroFirst) {
      for (int i = 0; i < mc; i++) {
        Arrays.fill(c, cBase + i * ldc, cBase + i * ldc + nc, 0f);
      }
    }
    int p = 0;
    for (; p + 3 < kc; p += 4) {
      int b0 = p * nc;
      int b1 = b0 + nc;
      int b2 = b1 + nc;
      int b3 = b2 + nc;
      int i = 0;
      for (; i + 3 < mc; i += 4) {
        int a0 = i * kc + p;
        int a1 = a0 + kc;
        int a2 = a1 + kc;
        int a3 = a2 + kc;
        float x00 = packedA[a0];
        float x01 = packedA[a0 + 1];
        float x02 = packedA[a0 + 2];
        float x03 = packedA[a0 + 3];
        float x10 = packedA[a1];
        float x11 = packedA[a1 + 1];
        float x12 = packedA[a1 + 2];
        float x13 = packedA[a1 + 3];
        float x20 = packedA[a2];
        float x21 = packedA[a2 + 1];
        float x22 = packedA[a2 + 2];
        float x23 = packedA[a2 + 3];
        float x30 = packedA[a3];
        float x31 = packedA[a3 + 1];
        float x32 = packedA[a3 + 2];
        float x33 = packedA[a3 + 3];
        int c0 = cBase + i * ldc;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        for (int j = 0; j < nc; j++) {
          float y0 = packedB[b0 + j];
          float y1 = packedB[b1 + j];
          float y2 = packedB[b2 + j];
          float y3 = packedB[b3 + j];
          c[c0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
          c[c1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
          c[c2 + j] += x20 * y0 + x21 * y1 + x22 * y2 + x23 * y3;
          c[c3 + j] += x30 * y0 + x31 * y1 + x32 * y2 + x33 * y3;
        }
      }
      for (; i < mc; i++) {
        int a0 = i * kc + p;
        float x0 = packedA[a0];
        float x1 = packedA[a0 + 1];
        float x2 = packedA[a0 + 2];
        float x3 = packedA[a0 + 3];
        int c0 = cBase + i * ldc;
        for (int j = 0; j < nc; j++) {
          c[c0 + j] += x0 * packedB[b0 + j] + x1 * packedB[b1 + j] + x2 * packedB[b2 + j] + x3 * packedB[b3 + j];
        }
      }
    }
    for (; p < kc; p++) {
      int b0 = p * nc;
      for (int i = 0; i < mc; i++) {
        float x0 = packedA[i * kc + p];
        int c0 = cBase + i * ldc;
        for (int j = 0; j < nc; j++) {
          c[c0 + j] += x0 * packedB[b0 + j];
        }
      }
    }
  }
}
