package io.citrate.node.internal;

/**
 * How this node produces blocks.
 *
 * @param mode when blocks are made
 * @param intervalMillis the period of {@link Mode#INTERVAL} production
 * @param maxTransactions most transactions a produced block carries
 */
public record ProductionSettings(Mode mode, long intervalMillis, int maxTransactions) {
  public enum Mode {
    /** A block every interval. */
    INTERVAL,
    /** A block as soon as an executable transaction enters the pool: for tests and tools that expect it. */
    PER_TRANSACTION,
    /** Only on request ({@code citrate:block-produce}). */
    OFF
  }

  public ProductionSettings {
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("production interval must be positive: " + intervalMillis);
    }
    if (maxTransactions < 0) {
      throw new IllegalArgumentException("max transactions must not be negative: " + maxTransactions);
    }
  }
}
