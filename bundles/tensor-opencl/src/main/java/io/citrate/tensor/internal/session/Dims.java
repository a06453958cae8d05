package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/** Small rules over dimension arrays: products, row-major strides, axis normalisation, permutations. */
final class Dims {
  private Dims() {}

  /** The product of {@code dims[from..to)}; sizes the session admits fit an int. */
  static int product(int[] dims, int from, int to) {
    long product = 1;
    for (int i = from; i < to; i++) {
      product = Math.multiplyExact(product, dims[i]);
    }
    return Math.toIntExact(product);
  }

  static int product(int[] dims) {
    return product(dims, 0, dims.length);
  }

  /** Row-major strides of a contiguous tensor of {@code dims}. */
  static int[] contiguousStrides(int[] dims) {
    int[] strides = new int[dims.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride = Math.multiplyExact(stride, Math.max(dims[i], 1));
    }
    return strides;
  }

  /** An axis in [-rank, rank) as a non-negative index. */
  static int axis(int axis, int rank) {
    if (axis < -rank || axis >= rank) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "axis " + axis + " is outside a rank-" + rank + " tensor");
    }
    return axis < 0 ? axis + rank : axis;
  }

  /** Normalised distinct axes, in the order given. */
  static int[] distinctAxes(int[] axes, int rank) {
    int[] normalised = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      int axis = axis(axes[i], rank);
      if (seen[axis]) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "axis " + axes[i] + " is named twice in "
            + Arrays.toString(axes));
      }
      seen[axis] = true;
      normalised[i] = axis;
    }
    return normalised;
  }

  /** The permutation to apply, an empty one meaning the reversal; refuses anything but a permutation of rank. */
  static int[] permutation(int[] permutation, int rank) {
    if (permutation.length == 0) {
      int[] reversed = new int[rank];
      for (int i = 0; i < rank; i++) {
        reversed[i] = rank - 1 - i;
      }
      return reversed;
    }
    if (permutation.length != rank) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "permutation " + Arrays.toString(permutation)
          + " does not have rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    for (int axis : permutation) {
      if (axis < 0 || axis >= rank || seen[axis]) {
        throw new TensorException(Kind.INVALID_ARGUMENT, Arrays.toString(permutation)
            + " is not a permutation of " + rank + " axes");
      }
      seen[axis] = true;
    }
    return permutation.clone();
  }

  /** The strided copy that writes {@code dims} permuted by {@code permutation} contiguously. */
  static Geometry.Copy transposeCopy(int[] dims, int[] permutation) {
    int[] inStrides = contiguousStrides(dims);
    int[] outDims = new int[dims.length];
    int[] strides = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      outDims[i] = dims[permutation[i]];
      strides[i] = inStrides[permutation[i]];
    }
    return new Geometry.Copy(outDims, 0, strides, 0,
        contiguousStrides(outDims));
  }

  /**
   * The dimensions of a Reshape: one entry may be -1 and takes what the others leave; 0 is a zero-size
   * dimension; the element count must stay the same.
   */
  static int[] reshape(int[] from, int[] to) {
    long count = product(from);
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < to.length; i++) {
      if (to[i] == -1) {
        if (inferred >= 0) {
          throw new TensorException(Kind.INVALID_ARGUMENT, "reshape to " + Arrays.toString(to)
              + " infers more than one dimension");
        }
        inferred = i;
      } else if (to[i] < 0) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "reshape to a negative dimension " + to[i]);
      } else {
        known = Math.multiplyExact(known, to[i]);
      }
    }
    int[] dims = to.clone();
    if (inferred >= 0) {
      if (known == 0 || count % known != 0) {
        throw new TensorException(Kind.SHAPE_MISMATCH, "cannot reshape " + Arrays.toString(from) + " to "
            + Arrays.toString(to));
      }
      dims[inferred] = Math.toIntExact(count / known);
      known = count;
    }
    if (known != count) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "cannot reshape " + Arrays.toString(from) + " ("
          + count + " elements) to " + Arrays.toString(to));
    }
    return dims;
  }
}
