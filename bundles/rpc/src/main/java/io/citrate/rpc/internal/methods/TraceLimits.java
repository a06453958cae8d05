package io.citrate.rpc.internal.methods;

/**
 * How large one struct log may grow, so that no transaction's trace can fill the node's memory.
 *
 * @param maxSteps most operations it records
 * @param maxBytes most bytes, approximately, that what it records may take in memory: stacks, memory and storage
 *     make a step large, and memory grows with the transaction
 */
public record TraceLimits(int maxSteps, long maxBytes) {
  /** Ample for ordinary transactions. */
  public static final int DEFAULT_MAX_STEPS = 100_000;
  public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;
  public static final TraceLimits DEFAULT = new TraceLimits(DEFAULT_MAX_STEPS, DEFAULT_MAX_BYTES);

  public TraceLimits {
    if (maxSteps < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("trace limits must be positive, not " + maxSteps + " steps and "
          + maxBytes + " bytes");
    }
  }
}
