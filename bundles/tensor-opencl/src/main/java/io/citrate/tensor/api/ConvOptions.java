package io.citrate.tensor.api;

/**
 * Attributes of a 2-D convolution over NCHW input and MCkHkW weights. Empty arrays take the defaults: strides
 * and dilations 1, pads 0. {@code pads} is {@code [top, left, bottom, right]}; {@code groups} divides both the
 * input and the output channels.
 */
public record ConvOptions(int[] strides, int[] pads, int[] dilations, int groups, AutoPad autoPad) {
  public static final ConvOptions DEFAULT = new ConvOptions(new int[0], new int[0], new int[0], 1, AutoPad.NOTSET);

  public ConvOptions {
    strides = strides.clone();
    pads = pads.clone();
    dilations = dilations.clone();
  }

  @Override
  public int[] strides() {
    return strides.clone();
  }

  @Override
  public int[] pads() {
    return pads.clone();
  }

  @Override
  public int[] dilations() {
    return dilations.clone();
  }
}
