package io.citrate.tensor.api;

/** How convolutions and pools pad, as ONNX's {@code auto_pad}: explicit pads, or computed from the input. */
public enum AutoPad {
  /** Use the explicit pads. */
  NOTSET,
  /** Pad so the output has {@code ceil(input / stride)} positions; an odd total puts the extra pad at the end. */
  SAME_UPPER,
  /** As {@link #SAME_UPPER}, with the extra pad at the beginning. */
  SAME_LOWER,
  /** No padding. */
  VALID
}
