package io.citrate.tensor.internal.kernel;

/**
 * Resolved geometries the session hands to kernels: every shape rule, default and limit is applied before a
 * kernel sees one, so kernels only compute. Element counts and offsets fit an int (the session refuses larger
 * tensors). Arrays are owned by the record; kernels must not modify them.
 */
public final class Geometry {
  private Geometry() {}

  /**
   * A broadcast element-wise operation: the output is contiguous of {@code dims}; input {@code i}'s element
   * for output index (d0..dn) is at {@code sum(dk * strides[i][k])}, a stride of 0 repeating a dimension.
   */
  public record Broadcast(int[] dims, int[][] strides) {
    public int count() {
      int count = 1;
      for (int dim : dims) {
        count *= dim;
      }
      return count;
    }
  }

  /**
   * A strided copy over {@code dims}: element (d0..dn) goes from {@code inOffset + sum(dk * inStrides[k])} to
   * {@code outOffset + sum(dk * outStrides[k])}. Strides may be negative (reversed slices) or zero (expansion).
   */
  public record Copy(int[] dims, int inOffset, int[] inStrides, int outOffset, int[] outStrides) {}

  /**
   * Batched matrix products: output batch {@code i} (contiguous m x n at {@code i * m * n}) is the product of
   * A at {@code aOffsets[i]} and B at {@code bOffsets[i]}. A is m x k stored row-major, or k x m when
   * {@code transA}; B is k x n, or n x k when {@code transB}.
   */
  public record Matmul(int batch, int[] aOffsets, int[] bOffsets, int m, int n, int k, boolean transA,
      boolean transB) {}

  /** A 2-D convolution, NCHW input and output, weights M x (C / groups) x kH x kW. */
  public record Conv(int batch, int inChannels, int inHeight, int inWidth, int outChannels, int kernelHeight,
      int kernelWidth, int outHeight, int outWidth, int strideHeight, int strideWidth, int padTop, int padLeft,
      int dilationHeight, int dilationWidth, int groups) {}

  /**
   * A pool over {@code planes} (N x C) of three spatial dimensions (lower ranks padded with leading 1s). A
   * window starts at {@code out * stride - padBegin} and takes {@code kernel} taps {@code dilation} apart; taps
   * outside the input are skipped. {@code padEnd} bounds what an including-pad average counts as padding.
   */
  public record Pool(int planes, int[] inDims, int[] outDims, int[] kernel, int[] strides, int[] padBegin,
      int[] padEnd, int[] dilations) {}

  /** A reduction, softmax or normalisation along the middle of (outer, length, inner), row-major. */
  public record Rows(int outer, int length, int inner) {}

  /** Values along the middle dimension of (outer, channels, inner) share a channel's parameters. */
  public record Channels(int outer, int channels, int inner) {}

  /** Gather: output (outer, indexCount, inner) takes input (outer, axisLength, inner) at the indices. */
  public record Gather(int outer, int axisLength, int inner, int indexCount) {}
}
