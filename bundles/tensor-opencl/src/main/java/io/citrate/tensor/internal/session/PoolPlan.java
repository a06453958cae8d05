package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/**
 * A pool's geometry over input (N, C, spatial...) with 1 to 3 spatial dimensions; the kernels always see three,
 * lower ranks padded with leading dimensions of 1 (kernel 1, stride 1, no padding).
 */
record PoolPlan(int[] outDims, Geometry.Pool geometry) {
  private static final int SPATIAL = 3;

  static PoolPlan of(int[] x, PoolOptions options) {
    int spatial = spatialRank(x);
    int[] kernel = options.kernel();
    if (kernel.length != spatial) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "kernel " + Arrays.toString(kernel) + " must have "
          + spatial + " entries for input " + Arrays.toString(x));
    }
    int[] strides = ConvPlan.orDefault(options.strides(), spatial, 1, "strides");
    int[] dilations = ConvPlan.orDefault(options.dilations(), spatial, 1, "dilations");
    int[] pads = Pads.of(options.pads(), spatial, options.autoPad());
    Window[] windows = new Window[spatial];
    for (int i = 0; i < spatial; i++) {
      windows[i] = Window.resolve(x[2 + i], kernel[i], strides[i], dilations[i], pads[i], pads[spatial + i],
          options.autoPad(), options.ceilMode());
    }
    return build(x, kernel, strides, dilations, windows);
  }

  /** GlobalAveragePool: one window covering every spatial dimension. */
  static PoolPlan global(int[] x) {
    int spatial = spatialRank(x);
    int[] kernel = Arrays.copyOfRange(x, 2, x.length);
    int[] ones = new int[spatial];
    Arrays.fill(ones, 1);
    Window[] windows = new Window[spatial];
    for (int i = 0; i < spatial; i++) {
      if (kernel[i] == 0) {
        throw new TensorException(Kind.SHAPE_MISMATCH, "global pooling of an empty dimension in "
            + Arrays.toString(x));
      }
      windows[i] = Window.resolve(kernel[i], kernel[i], 1, 1, 0, 0, AutoPad.NOTSET, false);
    }
    return build(x, kernel, ones, ones, windows);
  }

  /** Output elements times the window size. */
  long multiplyAccumulates() {
    long window = 1;
    for (int tap : geometry.kernel()) {
      window = Math.multiplyExact(window, tap);
    }
    long outputs = geometry.planes();
    for (int dim : geometry.outDims()) {
      outputs = Math.multiplyExact(outputs, dim);
    }
    return Math.multiplyExact(outputs, window);
  }

  private static int spatialRank(int[] x) {
    if (x.length < 3 || x.length > 2 + SPATIAL) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "pooling takes (N, C) and 1 to 3 spatial dimensions, not "
          + Arrays.toString(x));
    }
    return x.length - 2;
  }

  private static PoolPlan build(int[] x, int[] kernel, int[] strides, int[] dilations, Window[] windows) {
    int spatial = windows.length;
    int lead = SPATIAL - spatial;
    int[] inDims = ones();
    int[] outDims = ones();
    int[] kernel3 = ones();
    int[] strides3 = ones();
    int[] dilations3 = ones();
    int[] padBegin = new int[SPATIAL];
    int[] padEnd = new int[SPATIAL];
    int[] out = Arrays.copyOf(x, x.length);
    for (int i = 0; i < spatial; i++) {
      inDims[lead + i] = x[2 + i];
      outDims[lead + i] = windows[i].out();
      kernel3[lead + i] = kernel[i];
      strides3[lead + i] = strides[i];
      dilations3[lead + i] = dilations[i];
      padBegin[lead + i] = windows[i].padBegin();
      padEnd[lead + i] = windows[i].padEnd();
      out[2 + i] = windows[i].out();
    }
    int planes = Math.multiplyExact(x[0], x[1]);
    return new PoolPlan(out, new Geometry.Pool(planes, inDims, outDims, kernel3, strides3, padBegin, padEnd,
        dilations3));
  }

  private static int[] ones() {
    int[] ones = new int[SPATIAL];
    Arrays.fill(ones, 1);
    return ones;
  }
}
