package io.citrate.tensor.internal.kernel;

/**
 * Reductions along a row. FLOAT32 sums in float (order is the device's); integer and Q16_16 sums accumulate
 * in wrapping int64 and saturate to the type once; MEAN divides that sum by the length rounding to nearest
 * even (FixedPoint.divideRounded).
 */
public enum ReduceOp {
  SUM,
  MEAN,
  MAX
}
