package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reachability data in a hash map; for tests and for indexes that need no persistence. Not thread-safe. */
public final class MemoryReachabilityStore implements ReachabilityStore {
  private final Map<Hash, ReachabilityData> data = new HashMap<>();
  private Hash reindexRoot;

  @Override
  public boolean has(Hash block) {
    return data.containsKey(block);
  }

  @Override
  public ReachabilityData get(Hash block) {
    ReachabilityData found = data.get(block);
    if (found == null) {
      throw new ReachabilityException(Reason.UNKNOWN_BLOCK, "unknown block " + block);
    }
    return found;
  }

  @Override
  public Optional<Hash> reindexRoot() {
    return Optional.ofNullable(reindexRoot);
  }

  @Override
  public void put(Hash block, ReachabilityData blockData) {
    data.put(Objects.requireNonNull(block, "block"), Objects.requireNonNull(blockData, "data"));
  }

  @Override
  public void setReindexRoot(Hash block) {
    reindexRoot = Objects.requireNonNull(block, "block");
  }

  /** Number of blocks stored. */
  public int size() {
    return data.size();
  }
}
