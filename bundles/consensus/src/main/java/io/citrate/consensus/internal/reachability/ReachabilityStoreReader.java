package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import java.util.Optional;

/** Read access to reachability data. */
public interface ReachabilityStoreReader {

  boolean has(Hash block);

  /**
   * The data of {@code block}.
   *
   * @throws ReachabilityException with {@link ReachabilityException.Reason#UNKNOWN_BLOCK} if absent
   */
  ReachabilityData get(Hash block);

  /** The block whose subtree reindexing keeps room in; empty until the index is initialised. */
  Optional<Hash> reindexRoot();

  /** The interval of {@code block}; the hot path of every query. */
  default Interval interval(Hash block) {
    return get(block).interval();
  }
}
