package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/** NumPy broadcasting: dimensions aligned from the right, each pair equal or one of them 1. */
final class Broadcasting {
  private Broadcasting() {}

  /** The shape all of {@code shapes} broadcast to. */
  static int[] shape(int[]... shapes) {
    int rank = 0;
    for (int[] dims : shapes) {
      rank = Math.max(rank, dims.length);
    }
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    for (int[] dims : shapes) {
      int lead = rank - dims.length;
      for (int i = 0; i < dims.length; i++) {
        int dim = dims[i];
        int current = out[lead + i];
        if (current == 1) {
          out[lead + i] = dim;
        } else if (dim != 1 && dim != current) {
          throw new TensorException(Kind.SHAPE_MISMATCH, "shapes " + describe(shapes) + " do not broadcast");
        }
      }
    }
    return out;
  }

  /** True when {@code from} broadcasts to exactly {@code to} (the target is not widened). */
  static boolean broadcastsTo(int[] from, int[] to) {
    if (from.length > to.length) {
      return false;
    }
    int lead = to.length - from.length;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 1 && from[i] != to[lead + i]) {
        return false;
      }
    }
    return true;
  }

  /** Strides that read a contiguous {@code input} at each index of {@code out}, 0 where it repeats. */
  static int[] strides(int[] input, int[] out) {
    int[] contiguous = Dims.contiguousStrides(input);
    int[] strides = new int[out.length];
    int lead = out.length - input.length;
    for (int i = 0; i < input.length; i++) {
      strides[lead + i] = input[i] == 1 && out[lead + i] != 1 ? 0 : contiguous[i];
    }
    return strides;
  }

  /** The element-wise geometry of the inputs broadcast together. */
  static Geometry.Broadcast geometry(int[]... inputs) {
    int[] out = shape(inputs);
    int[][] strides = new int[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      strides[i] = strides(inputs[i], out);
    }
    return new Geometry.Broadcast(out, strides);
  }

  private static String describe(int[][] shapes) {
    StringBuilder text = new StringBuilder();
    for (int[] dims : shapes) {
      text.append(text.length() == 0 ? "" : " and ").append(Arrays.toString(dims));
    }
    return text.toString();
  }
}
