package io.citrate.tensor.internal.java;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * The blocking and thread splitting shared by {@link FloatGemm} and {@link IntGemm}: C is swept in panels of B
 * (KC x NC) and blocks of A (MC x KC), and large products split their rows (or columns) across the common
 * fork-join pool. The element type lives only in {@link Panels}, called once per block, so the inner loops stay
 * in the typed kernels.
 */
final class GemmBlocking {
  /**
   * Panel sizes: a packed KC x NC panel of B (256 KiB) stays in the L2 cache while four of its rows (4 KiB)
   * and an MC x NC block of C (16 KiB) stay in L1 as the kernel sweeps them.
   */
  static final int KC = 256;
  static final int NC = 256;
  static final int MC = 16;
  /** Products of at least this many multiply-adds are split across threads. */
  private static final long PARALLEL_WORK = 1L << 18;
  /** Column pieces are whole multiples of this many columns, so each thread still sweeps long rows. */
  private static final int COLUMN_PIECE = 64;

  private GemmBlocking() {}

  /** One thread's packing buffers and kernel for one product, over its own element type. */
  interface Panels {
    /** Packs rows [pc, pc + kc) and columns [jc, jc + nc) of B. */
    void packB(int pc, int jc, int kc, int nc);

    /** Packs rows [ic, ic + mc) and columns [pc, pc + kc) of A. */
    void packA(int ic, int pc, int mc, int kc);

    /** C rows [ic, ic + mc), columns [jc, jc + nc) += packed A times packed B; zeroed first when asked. */
    void multiplyPacked(int ic, int jc, int mc, int nc, int kc, boolean zeroFirst);
  }

  /** Creates the panels of one thread, with buffers for at most {@code kc} x {@code nc} of B and MC x kc of A. */
  @FunctionalInterface
  interface PanelsFactory {
    Panels create(int kc, int nc);
  }

  /** Computes the m x n product over k (k > 0), splitting it across threads when it is large enough. */
  static void multiply(int m, int n, int k, PanelsFactory panels) {
    if (m == 0 || n == 0) {
      return;
    }
    long work = (long) m * n * k;
    int threads = Runtime.getRuntime().availableProcessors();
    if (work < PARALLEL_WORK || threads < 2) {
      multiplyBlock(0, m, 0, n, k, panels);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    int pieces = threads * 2;
    if (m >= n) {
      int rows = roundUp(Math.max(MC, ceilDiv(m, pieces)), MC);
      for (int start = 0; start < m; start += rows) {
        int from = start;
        int to = Math.min(m, start + rows);
        tasks.add(ForkJoinTask.adapt(() -> multiplyBlock(from, to, 0, n, k, panels)));
      }
    } else {
      int columns = roundUp(Math.max(COLUMN_PIECE, ceilDiv(n, pieces)), COLUMN_PIECE);
      for (int start = 0; start < n; start += columns) {
        int from = start;
        int to = Math.min(n, start + columns);
        tasks.add(ForkJoinTask.adapt(() -> multiplyBlock(0, m, from, to, k, panels)));
      }
    }
    ForkJoinTask.invokeAll(tasks);
  }

  /** Rows [rowFrom, rowTo) and columns [columnFrom, columnTo) of C, on the calling thread. */
  private static void multiplyBlock(int rowFrom, int rowTo, int columnFrom, int columnTo, int k,
      PanelsFactory factory) {
    Panels panels = factory.create(Math.min(KC, k), Math.min(NC, columnTo - columnFrom));
    for (int jc = columnFrom; jc < columnTo; jc += NC) {
      int nc = Math.min(NC, columnTo - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        panels.packB(pc, jc, kc, nc);
        for (int ic = rowFrom; ic < rowTo; ic += MC) {
          int mc = Math.min(MC, rowTo - ic);
          panels.packA(ic, pc, mc, kc);
          panels.multiplyPacked(ic, jc, mc, nc, kc, pc == 0);
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
