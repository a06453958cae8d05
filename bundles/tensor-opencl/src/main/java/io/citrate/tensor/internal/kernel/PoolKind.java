package io.citrate.tensor.internal.kernel;

/** What a pool computes over its window. */
public enum PoolKind {
  MAX,
  /** The mean of the taps inside the input. */
  AVERAGE_EXCLUDING_PAD,
  /** The sum of the taps inside the input over the count of taps inside the padded input. */
  AVERAGE_INCLUDING_PAD
}
