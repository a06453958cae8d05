package io.citrate.tensor.internal.java;

/**
 * Walks a strided iteration space row by row: the last dimension is handed to a visitor as one run, so the
 * kernels' inner loops are plain counted loops over a start and a step per operand.
 */
final class StridedRows {
  private StridedRows() {}

  /** One run of the last dimension: operand {@code k}'s elements are {@code starts[k] + j * steps[k]}. */
  @FunctionalInterface
  interface RowVisitor {
    void row(int[] starts, int length, int[] steps);
  }

  /**
   * Visits every row of {@code dims} (rank 0 is one row of length 1); operand {@code k} starts at
   * {@code bases[k]} and moves {@code strides[k][d]} along dimension d. The visitor must not keep or change
   * the arrays it is handed.
   */
  static void walk(int[] dims, int[] bases, int[][] strides, RowVisitor visitor) {
    int operands = bases.length;
    int rank = dims.length;
    for (int dim : dims) {
      if (dim == 0) {
        return;
      }
    }
    int[] starts = bases.clone();
    int[] steps = new int[operands];
    if (rank == 0) {
      visitor.row(starts, 1, steps);
      return;
    }
    for (int k = 0; k < operands; k++) {
      steps[k] = strides[k][rank - 1];
    }
    int length = dims[rank - 1];
    int[] index = new int[rank - 1];
    while (true) {
      visitor.row(starts, length, steps);
      int d = rank - 2;
      while (d >= 0) {
        index[d]++;
        for (int k = 0; k < operands; k++) {
          starts[k] += strides[k][d];
        }
        if (index[d] < dims[d]) {
          break;
        }
        for (int k = 0; k < operands; k++) {
          starts[k] -= strides[k][d] * dims[d];
        }
        index[d] = 0;
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }

  /** Row-major strides of a contiguous tensor of {@code dims}. */
  static int[] contiguous(int[] dims) {
    int[] strides = new int[dims.length];
    int stride = 1;
    for (int d = dims.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= dims[d];
    }
    return strides;
  }
}
