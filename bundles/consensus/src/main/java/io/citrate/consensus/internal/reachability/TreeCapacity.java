package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import java.util.List;

/** Where a tree block's children may take room: its interval less its own point, the {@code end}. */
final class TreeCapacity {
  private TreeCapacity() {}

  /** The room for all children of a block with {@code interval}. */
  static Interval forChildren(Interval interval) {
    return Interval.of(interval.start(), interval.end() - 1);
  }

  /** The free room before the first child; all of the children's room when there is none. */
  static Interval remainingBefore(ReachabilityStoreReader store, ReachabilityData data) {
    Interval capacity = forChildren(data.interval());
    List<Hash> children = data.children();
    if (children.isEmpty()) {
      return capacity;
    }
    return Interval.of(capacity.start(), store.interval(children.get(0)).start() - 1);
  }

  /** The free room after the last child; all of the children's room when there is none. */
  static Interval remainingAfter(ReachabilityStoreReader store, ReachabilityData data) {
    Interval capacity = forChildren(data.interval());
    List<Hash> children = data.children();
    if (children.isEmpty()) {
      return capacity;
    }
    return Interval.of(store.interval(children.get(children.size() - 1)).end() + 1, capacity.end());
  }
}
