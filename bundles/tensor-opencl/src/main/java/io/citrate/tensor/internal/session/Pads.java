package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import java.util.Arrays;

/** ONNX's {@code pads}: every beginning, then every end; empty means none. */
final class Pads {
  private Pads() {}

  /** {@code 2 * spatial} non-negative pads; with an auto_pad other than NOTSET they must all be 0. */
  static int[] of(int[] pads, int spatial, AutoPad autoPad) {
    if (autoPad == null) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "auto_pad is required (NOTSET for explicit pads)");
    }
    if (pads.length == 0) {
      return new int[2 * spatial];
    }
    if (pads.length != 2 * spatial) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "pads " + Arrays.toString(pads) + " must have "
          + 2 * spatial + " entries");
    }
    for (int pad : pads) {
      if (pad < 0) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "pads must not be negative: " + Arrays.toString(pads));
      }
      if (pad != 0 && autoPad != AutoPad.NOTSET) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "explicit pads " + Arrays.toString(pads)
            + " cannot be combined with auto_pad " + autoPad);
      }
    }
    return pads;
  }
}
