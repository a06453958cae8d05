package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import java.util.List;
import java.util.Objects;

/**
 * Answers ancestry from the reachability index (Kaspa {@code reachability/inquirer.rs}). The selected
 * parents form a tree, and every block's interval contains the intervals of its tree descendants, so a
 * chain-ancestor query is one containment test. The rest of a block's future is covered by its future
 * covering set: the blocks that merged it, each standing for its tree subtree. X is a DAG ancestor of Y
 * iff X is a chain ancestor of Y, or some item of X's future covering set is a chain ancestor of Y; the
 * set is sorted by interval start, so that takes one binary search. Reads only; {@link ReachabilityWriter}
 * changes the index.
 */
public final class ReachabilityIndex implements ReachabilityService {
  private final ReachabilityStoreReader store;

  public ReachabilityIndex(ReachabilityStoreReader store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
    return store.interval(ancestor).contains(store.interval(descendant));
  }

  /** Like {@link #isChainAncestorOf} but false for a block and itself. */
  public boolean isStrictChainAncestorOf(Hash ancestor, Hash descendant) {
    return store.interval(ancestor).strictlyContains(store.interval(descendant));
  }

  @Override
  public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
    ReachabilityData ancestorData = store.get(ancestor);
    Interval descendantInterval = store.interval(descendant);
    if (ancestorData.interval().contains(descendantInterval)) {
      return true;
    }
    return searchChainAncestor(store, ancestorData.futureCoveringSet(), descendantInterval) >= 0;
  }

  /**
   * The tree child of {@code ancestor} on the way to {@code descendant}.
   *
   * @throws ReachabilityException with {@link Reason#BAD_ARGUMENT} unless {@code ancestor} is a strict
   *     chain ancestor of {@code descendant}
   */
  public Hash nextChainAncestor(Hash descendant, Hash ancestor) {
    if (!isStrictChainAncestorOf(ancestor, descendant)) {
      throw new ReachabilityException(
          Reason.BAD_ARGUMENT, ancestor + " is not a strict chain ancestor of " + descendant);
    }
    return nextChainAncestorUnchecked(store, descendant, ancestor);
  }

  /**
   * The child of {@code ancestor} that is a chain ancestor of {@code descendant}, found by the interval of
   * {@code descendant} alone: during reindexing that interval may already have moved while its subtree
   * has not followed yet.
   */
  static Hash nextChainAncestorUnchecked(ReachabilityStoreReader store, Hash descendant, Hash ancestor) {
    List<Hash> children = store.get(ancestor).children();
    int found = searchChainAncestor(store, children, store.interval(descendant));
    if (found < 0) {
      throw new ReachabilityException(
          Reason.DATA_INCONSISTENCY, "no tree child of " + ancestor + " leads to " + descendant);
    }
    return children.get(found);
  }

  /**
   * Searches {@code ordered} (blocks with disjoint intervals, sorted by start) for a chain ancestor of the
   * block with {@code descendantInterval}. Returns its index, or {@code -(insertion point) - 1} where a
   * block with that interval would keep the order. Only the last item starting at or before the
   * descendant's point ({@code end}) can contain it, since the items are disjoint.
   */
  static int searchChainAncestor(ReachabilityStoreReader store, List<Hash> ordered, Interval descendantInterval) {
    long point = descendantInterval.end();
    int low = 0;
    int high = ordered.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (Long.compareUnsigned(store.interval(ordered.get(middle)).start(), point) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low > 0 && store.interval(ordered.get(low - 1)).contains(descendantInterval)) {
      return low - 1;
    }
    return -low - 1;
  }
}
