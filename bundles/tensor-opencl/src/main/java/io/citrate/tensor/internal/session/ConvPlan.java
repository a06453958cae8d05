package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.Arrays;

/** A 2-D convolution's geometry from NCHW input and M x (C / groups) x kH x kW weight dimensions. */
record ConvPlan(int[] outDims, Geometry.Conv geometry) {

  static ConvPlan of(int[] x, int[] w, ConvOptions options) {
    if (x.length != 4 || w.length != 4) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "conv takes NCHW input and MCkHkW weights, not "
          + Arrays.toString(x) + " and " + Arrays.toString(w));
    }
    int groups = options.groups();
    if (groups <= 0) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "groups must be positive, not " + groups);
    }
    int channels = x[1];
    int outChannels = w[0];
    if (channels % groups != 0 || outChannels % groups != 0 || w[1] * groups != channels) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "input " + Arrays.toString(x) + " and weights "
          + Arrays.toString(w) + " do not fit " + groups + " group(s)");
    }
    int[] strides = orDefault(options.strides(), 2, 1, "strides");
    int[] dilations = orDefault(options.dilations(), 2, 1, "dilations");
    int[] pads = Pads.of(options.pads(), 2, options.autoPad());
    Window height = Window.resolve(x[2], w[2], strides[0], dilations[0], pads[0], pads[2], options.autoPad(),
        false);
    Window width = Window.resolve(x[3], w[3], strides[1], dilations[1], pads[1], pads[3], options.autoPad(),
        false);
    Geometry.Conv geometry = new Geometry.Conv(x[0], channels, x[2], x[3], outChannels, w[2], w[3],
        height.out(), width.out(), strides[0], strides[1], height.padBegin(), width.padBegin(), dilations[0],
        dilations[1], groups);
    return new ConvPlan(new int[] {x[0], outChannels, height.out(), width.out()}, geometry);
  }

  /** N x M x OH x OW x (C / groups) x kH x kW. */
  long multiplyAccumulates() {
    Geometry.Conv g = geometry;
    long perOutput = Math.multiplyExact((long) g.inChannels() / g.groups(),
        Math.multiplyExact((long) g.kernelHeight(), g.kernelWidth()));
    long outputs = Math.multiplyExact(Math.multiplyExact((long) g.batch(), g.outChannels()),
        Math.multiplyExact((long) g.outHeight(), g.outWidth()));
    return Math.multiplyExact(outputs, perOutput);
  }

  static int[] orDefault(int[] values, int length, int fallback, String name) {
    if (values.length == 0) {
      int[] defaults = new int[length];
      Arrays.fill(defaults, fallback);
      return defaults;
    }
    if (values.length != length) {
      throw new TensorException(Kind.INVALID_ARGUMENT, name + " " + Arrays.toString(values) + " must have "
          + length + " entries");
    }
    for (int value : values) {
      if (value <= 0) {
        throw new TensorException(Kind.INVALID_ARGUMENT, name + " must be positive: " + Arrays.toString(values));
      }
    }
    return values;
  }
}
