package io.citrate.consensus.internal.reachability;

/**
 * How the index keeps interval room where blocks arrive. These only tune speed: any values give the
 * same answers to every query.
 *
 * @param depth how far below the selected tip the reindex root trails, in tree height; blocks added
 *     below the reindex root make reindexing reach back for room, which is slow, so it stays deep enough
 *     that late blocks rarely land there
 * @param slack interval room reserved on either side of each chain block when the reindex root moves,
 *     and the height difference needed before the reindex root follows a reorganised chain
 */
public record ReindexParameters(long depth, long slack) {

  /** Kaspa's constants: depth 100, slack 2^12 (leaving room for about 2^52 blocks). */
  public static final ReindexParameters DEFAULT = new ReindexParameters(100, 1 << 12);
  /** Far beyond any useful slack, and small enough that sums of a few slacks cannot overflow. */
  public static final long MAX_SLACK = 1L << 32;

  public ReindexParameters {
    if (depth < 1) {
      throw new IllegalArgumentException("reindex depth must be positive: " + depth);
    }
    if (slack < 0 || slack > MAX_SLACK) {
      throw new IllegalArgumentException("reindex slack must be in [0, 2^32]: " + slack);
    }
  }
}
