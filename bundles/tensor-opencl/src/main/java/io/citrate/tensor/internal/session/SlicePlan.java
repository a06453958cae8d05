package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/**
 * ONNX Slice: negative starts and ends count from the end of their axis; then, for a positive step, both are
 * clamped to [0, dim]; for a negative step the start to [0, dim - 1] and the end to [-1, dim - 1]. The output
 * takes {@code ceil((end - start) / step)} elements along the axis, none when that is negative or the axis is
 * empty. Axes not named are kept whole.
 */
record SlicePlan(int[] outDims, Geometry.Copy copy) {

  static SlicePlan of(int[] dims, int[] starts, int[] ends, int[] axes, int[] steps) {
    int count = starts.length;
    if (ends.length != count || (axes.length != 0 && axes.length != count)
        || (steps.length != 0 && steps.length != count)) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "slice starts " + Arrays.toString(starts) + ", ends "
          + Arrays.toString(ends) + ", axes " + Arrays.toString(axes) + " and steps " + Arrays.toString(steps)
          + " differ in length");
    }
    int[] sliced = new int[count];
    for (int i = 0; i < count; i++) {
      sliced[i] = axes.length == 0 ? i : axes[i];
    }
    sliced = Dims.distinctAxes(sliced, dims.length);

    int[] inStrides = Dims.contiguousStrides(dims);
    int[] out = dims.clone();
    int[] copyStrides = inStrides.clone();
    long offset = 0;
    for (int i = 0; i < count; i++) {
      int axis = sliced[i];
      int step = steps.length == 0 ? 1 : steps[i];
      if (step == 0) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "slice step must not be 0");
      }
      long dim = dims[axis];
      long start = starts[i] < 0 ? starts[i] + dim : starts[i];
      long end = ends[i] < 0 ? ends[i] + dim : ends[i];
      long size;
      if (dim == 0) {
        size = 0;
      } else if (step > 0) {
        start = clamp(start, 0, dim);
        end = clamp(end, 0, dim);
        size = Math.max(0, (end - start + step - 1) / step);
      } else {
        start = clamp(start, 0, dim - 1);
        end = clamp(end, -1, dim - 1);
        size = Math.max(0, (start - end + (-step) - 1) / -step);
      }
      out[axis] = (int) size;
      if (size > 0) {
        offset += start * inStrides[axis];
      }
      copyStrides[axis] = Math.multiplyExact(step, inStrides[axis]);
    }
    return new SlicePlan(out, new Geometry.Copy(out, Math.toIntExact(offset), copyStrides, 0,
        Dims.contiguousStrides(out)));
  }

  private static long clamp(long value, long low, long high) {
    return Math.max(low, Math.min(high, value));
  }
}
