package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.time.Duration;

/**
 * How pins are replicated and retried.
 *
 * @param replicationTarget backends that must hold a pin when its request names no target (1 = the node itself)
 * @param maxAttempts attempts per pin and backend before that backend is marked failed (1 = no retry)
 * @param initialDelay wait before the first retry
 * @param backoffMultiplier factor by which each further wait grows (1 = constant)
 * @param maxDelay longest wait between two attempts
 * @param concurrency attempts running at once
 */
public record PinSettings(int replicationTarget, int maxAttempts, Duration initialDelay, double backoffMultiplier,
    Duration maxDelay, int concurrency) {

  public PinSettings {
    require(replicationTarget >= 1, "replication target must be at least 1, not " + replicationTarget);
    require(maxAttempts >= 1, "max attempts must be at least 1, not " + maxAttempts);
    require(initialDelay != null && !initialDelay.isNegative(), "initial retry delay must not be negative");
    require(backoffMultiplier >= 1, "backoff multiplier must be at least 1, not " + backoffMultiplier);
    require(maxDelay != null && maxDelay.compareTo(initialDelay) >= 0,
        "max retry delay must not be shorter than the initial delay");
    require(concurrency >= 1, "pin concurrency must be at least 1, not " + concurrency);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IpfsException(Kind.INVALID_DATA, message);
    }
  }
}
