package io.citrate.tensor.api;

/**
 * Bounds on one session: the most elements one tensor may have, the most bytes its live tensors may hold
 * together, the highest rank, and the most multiply-accumulates it may spend. Exceeding one fails the
 * operation with {@link TensorException.Kind#LIMIT_EXCEEDED} before any device work is done.
 */
public record TensorLimits(long maxTensorElements, long maxSessionBytes, int maxRank, long maxMultiplyAccumulates) {
  /** Limits that only guard against overflow and absurd sizes: for benchmarks and trusted local work. */
  public static final TensorLimits GENEROUS = new TensorLimits(Integer.MAX_VALUE, 1L << 34, 8, Long.MAX_VALUE);

  public TensorLimits {
    if (maxTensorElements <= 0 || maxSessionBytes <= 0 || maxRank <= 0 || maxMultiplyAccumulates <= 0) {
      throw new IllegalArgumentException("tensor limits must be positive");
    }
    if (maxRank > 8) {
      throw new IllegalArgumentException("a rank above 8 is not supported");
    }
  }
}
