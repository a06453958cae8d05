package io.citrate.tensor.api;

import java.util.Arrays;

/** The dimensions of a tensor, outermost first; rank 0 is a scalar with one element. Immutable. */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final long elementCount;

  private Shape(int[] dims) {
    long count = 1;
    for (int dim : dims) {
      if (dim < 0) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
            "negative dimension in " + Arrays.toString(dims));
      }
      count = Math.multiplyExact(count, dim);
    }
    this.dims = dims;
    this.elementCount = count;
  }

  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  public static Shape scalar() {
    return SCALAR;
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements, the product of the dimensions (1 for a scalar, 0 when a dimension is 0). */
  public long elementCount() {
    return elementCount;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
