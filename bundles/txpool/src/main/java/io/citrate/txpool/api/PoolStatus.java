package io.citrate.txpool.api;

/**
 * How full the pool is.
 *
 * @param pending executable transactions: each sender's run of consecutive nonces from its account nonce
 *     that its balance covers
 * @param queued transactions waiting for a nonce gap to close or for funds
 * @param bytes the encoded size of all of them
 */
public record PoolStatus(int pending, int queued, long bytes) {

  /** Pending and queued together. */
  public int size() {
    return pending + queued;
  }
}
