package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;

/**
 * One spatial dimension of a convolution or pool, resolved as ONNX defines it: the output size and the pads
 * actually applied.
 *
 * <ul>
 *   <li>NOTSET: the explicit pads; {@code out = floor((in + padBegin + padEnd - extent) / stride) + 1}, or with
 *       ceil mode the ceiling, less one when the last window would start past the input and its begin padding
 *       (the rule ONNX Runtime and PyTorch share). {@code extent = (kernel - 1) * dilation + 1}.
 *   <li>VALID: no padding, then as NOTSET.
 *   <li>SAME_UPPER, SAME_LOWER: {@code out = ceil(in / stride)}; the total pad
 *       {@code max(0, (out - 1) * stride + extent - in)} is split in two, the odd one going to the end (UPPER)
 *       or to the beginning (LOWER).
 * </ul>
 */
record Window(int out, int padBegin, int padEnd) {

  static Window resolve(int in, int kernel, int stride, int dilation, int padBegin, int padEnd, AutoPad autoPad,
      boolean ceilMode) {
    if (kernel <= 0 || stride <= 0 || dilation <= 0 || padBegin < 0 || padEnd < 0) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "kernel " + kernel + ", stride " + stride + ", dilation "
          + dilation + " must be positive and pads " + padBegin + ", " + padEnd + " not negative");
    }
    long extent = (long) (kernel - 1) * dilation + 1;
    switch (autoPad) {
      case SAME_UPPER, SAME_LOWER -> {
        long out = (in + (long) stride - 1) / stride;
        long total = Math.max(0, (out - 1) * stride + extent - in);
        long small = total / 2;
        long large = total - small;
        return autoPad == AutoPad.SAME_UPPER
            ? new Window(Math.toIntExact(out), Math.toIntExact(small), Math.toIntExact(large))
            : new Window(Math.toIntExact(out), Math.toIntExact(large), Math.toIntExact(small));
      }
      case VALID -> {
        return explicit(in, extent, stride, 0, 0, ceilMode);
      }
      default -> {
        return explicit(in, extent, stride, padBegin, padEnd, ceilMode);
      }
    }
  }

  private static Window explicit(int in, long extent, int stride, int padBegin, int padEnd, boolean ceilMode) {
    long span = (long) in + padBegin + padEnd - extent;
    if (span < 0) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "a window of extent " + extent
          + " does not fit an input of " + in + " padded by " + padBegin + " and " + padEnd);
    }
    long out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
    if (ceilMode && (out - 1) * stride >= (long) in + padBegin) {
      out--;
    }
    return new Window(Math.toIntExact(out), padBegin, padEnd);
  }
}
