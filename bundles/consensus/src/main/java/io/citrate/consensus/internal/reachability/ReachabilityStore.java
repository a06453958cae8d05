package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;

/** Reachability data that the index may change. */
public interface ReachabilityStore extends ReachabilityStoreReader {

  /** Stores {@code data} as the data of {@code block}, replacing what was there. */
  void put(Hash block, ReachabilityData data);

  void setReindexRoot(Hash block);
}
