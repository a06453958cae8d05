package io.citrate.tensor.api;

/**
 * Attributes of MaxPool and AveragePool over 1, 2 or 3 spatial dimensions (input N, C, spatial...). Empty
 * {@code strides}, {@code pads} and {@code dilations} take the defaults (1, 0, 1); {@code pads} lists every
 * beginning, then every end. {@code ceilMode} rounds the output size up; {@code countIncludePad} makes
 * AveragePool divide by the whole window, padding included.
 */
public record PoolOptions(int[] kernel, int[] strides, int[] pads, int[] dilations, AutoPad autoPad,
    boolean ceilMode, boolean countIncludePad) {

  public PoolOptions {
    kernel = kernel.clone();
    strides = strides.clone();
    pads = pads.clone();
    dilations = dilations.clone();
  }

  /** A window of the given size, stride 1, no padding. */
  public static PoolOptions window(int... kernel) {
    return new PoolOptions(kernel, new int[0], new int[0], new int[0], AutoPad.NOTSET, false, false);
  }

  @Override
  public int[] kernel() {
    return kernel.clone();
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
