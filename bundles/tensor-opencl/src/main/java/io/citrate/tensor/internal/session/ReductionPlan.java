package io.citrate.tensor.internal.session;

import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/**
 * A reduction over any set of axes as one {@link Geometry.Rows} reduction. When the reduced axes are adjacent
 * the input is read in place as (outer, length, inner); otherwise it is first transposed so the kept axes come
 * first, in order, and the reduced ones last: (kept, reduced, 1). No axes means all of them.
 *
 * @param permutation the transposition to apply first, or null when none is needed
 */
record ReductionPlan(int[] permutation, Geometry.Rows rows, int[] outDims) {

  static ReductionPlan of(int[] dims, int[] axes, boolean keepDims) {
    int rank = dims.length;
    boolean[] reduced = new boolean[rank];
    if (axes.length == 0) {
      Arrays.fill(reduced, true);
    } else {
      for (int axis : Dims.distinctAxes(axes, rank)) {
        reduced[axis] = true;
      }
    }
    int reducedCount = 0;
    int first = rank;
    int last = -1;
    for (int i = 0; i < rank; i++) {
      if (reduced[i]) {
        reducedCount++;
        first = Math.min(first, i);
        last = i;
      }
    }
    int[] out = new int[keepDims ? rank : rank - reducedCount];
    int[] permutation = new int[rank];
    int kept = 0;
    int next = 0;
    for (int i = 0; i < rank; i++) {
      if (!reduced[i]) {
        permutation[kept++] = i;
        out[next++] = dims[i];
      } else if (keepDims) {
        out[next++] = 1;
      }
    }
    int length = 1;
    for (int i = 0, slot = kept; i < rank; i++) {
      if (reduced[i]) {
        permutation[slot++] = i;
        length = Math.multiplyExact(length, dims[i]);
      }
    }
    if (reducedCount == 0 || last - first + 1 == reducedCount) {
      int from = reducedCount == 0 ? rank : first;
      int to = reducedCount == 0 ? rank : last + 1;
      return new ReductionPlan(null,
          new Geometry.Rows(Dims.product(dims, 0, from), length, Dims.product(dims, to, rank)), out);
    }
    return new ReductionPlan(permutation, new Geometry.Rows(keptProduct(dims, reduced), length, 1), out);
  }

  private static int keptProduct(int[] dims, boolean[] reduced) {
    int product = 1;
    for (int i = 0; i < dims.length; i++) {
      if (!reduced[i]) {
        product = Math.multiplyExact(product, dims[i]);
      }
    }
    return product;
  }
}
