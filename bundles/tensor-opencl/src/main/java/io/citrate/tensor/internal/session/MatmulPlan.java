package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/**
 * NumPy matmul shapes: a 1-D A is promoted to a row [1, k] and a 1-D B to a column [k, 1], the added dimension
 * removed from the result; the batch dimensions (all but the last two) broadcast, and each output matrix reads
 * A and B at the offsets of its broadcast batch index.
 */
record MatmulPlan(int[] outDims, Geometry.Matmul geometry) {

  static MatmulPlan of(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "matmul takes tensors of rank 1 or more, not scalars");
    }
    int[] aMatrix = a.length == 1 ? new int[] {1, a[0]} : a;
    int[] bMatrix = b.length == 1 ? new int[] {b[0], 1} : b;
    int m = aMatrix[aMatrix.length - 2];
    int k = aMatrix[aMatrix.length - 1];
    int n = bMatrix[bMatrix.length - 1];
    if (bMatrix[bMatrix.length - 2] != k) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "matmul of " + Arrays.toString(a) + " and "
          + Arrays.toString(b) + ": inner dimensions differ");
    }
    int[] aBatch = Arrays.copyOf(aMatrix, aMatrix.length - 2);
    int[] bBatch = Arrays.copyOf(bMatrix, bMatrix.length - 2);
    int[] batchDims = Broadcasting.shape(aBatch, bBatch);
    int batch = Dims.product(batchDims);
    int[] aOffsets = offsets(aBatch, batchDims, Math.multiplyExact(m, k));
    int[] bOffsets = offsets(bBatch, batchDims, Math.multiplyExact(k, n));

    int[] out = Arrays.copyOf(batchDims, batchDims.length + 2);
    out[batchDims.length] = m;
    out[batchDims.length + 1] = n;
    if (b.length == 1) {
      out = Arrays.copyOf(out, out.length - 1);
    }
    if (a.length == 1) {
      int[] squeezed = new int[out.length - 1];
      System.arraycopy(out, 0, squeezed, 0, out.length - (b.length == 1 ? 1 : 2));
      if (b.length != 1) {
        squeezed[squeezed.length - 1] = n;
      }
      out = squeezed;
    }
    return new MatmulPlan(out, new Geometry.Matmul(batch, aOffsets, bOffsets, m, n, k, false, false));
  }

  /** Gemm's single product of 2-D operands, each possibly stored transposed. */
  static MatmulPlan gemm(int[] a, int[] b, boolean transA, boolean transB) {
    if (a.length != 2 || b.length != 2) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "gemm takes 2-D operands, not " + Arrays.toString(a)
          + " and " + Arrays.toString(b));
    }
    int m = transA ? a[1] : a[0];
    int k = transA ? a[0] : a[1];
    int bk = transB ? b[1] : b[0];
    int n = transB ? b[0] : b[1];
    if (k != bk) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "gemm of " + Arrays.toString(a) + " and "
          + Arrays.toString(b) + ": inner dimensions differ");
    }
    return new MatmulPlan(new int[] {m, n},
        new Geometry.Matmul(1, new int[] {0}, new int[] {0}, m, n, k, transA, transB));
  }

  /** Multiply-accumulates of the whole product. */
  long multiplyAccumulates() {
    return Math.multiplyExact(Math.multiplyExact((long) geometry.batch(), geometry.m()),
        Math.multiplyExact((long) geometry.n(), geometry.k()));
  }

  /** Where each output batch's matrix starts in an operand whose batch dimensions broadcast to batchDims. */
  private static int[] offsets(int[] operandBatch, int[] batchDims, int matrixSize) {
    int[] strides = Broadcasting.strides(operandBatch, batchDims);
    int count = Dims.product(batchDims);
    int[] offsets = new int[count];
    int[] index = new int[batchDims.length];
    for (int i = 0; i < count; i++) {
      long matrix = 0;
      for (int d = 0; d < index.length; d++) {
        matrix += (long) index[d] * strides[d];
      }
      offsets[i] = Math.toIntExact(matrix * matrixSize);
      for (int d = index.length - 1; d >= 0; d--) {
        if (++index[d] < batchDims[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return offsets;
  }
}
