package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Adds blocks to the reachability index (Kaspa {@code reachability/inquirer.rs} and {@code tree.rs}).
 * A block joins the tree under its selected parent with the first half of the parent's free room
 * (reindexing when there is none) and joins the future covering set of every block in its mergeset.
 *
 * <p>Arguments are checked before anything is written, so bad input leaves the store unchanged. Write
 * through a {@link StagingReachabilityStore} to make the whole update atomic with the rest of a block.
 */
public final class ReachabilityWriter {
  private final ReachabilityStore store;
  private final ReindexParameters parameters;
  private final ReachabilityIndex index;

  public ReachabilityWriter(ReachabilityStore store, ReindexParameters parameters) {
    this.store = Objects.requireNonNull(store, "store");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.index = new ReachabilityIndex(store);
  }

  /** Makes {@code root} (genesis, or Kaspa's origin) the tree root with the maximal interval. */
  public void initialize(Hash root) {
    initialize(root, Interval.maximal());
  }

  /**
   * Makes {@code root} the tree root and reindex root with {@code capacity}; doing it again with the same
   * root does nothing. A small capacity makes reindexing frequent, which is what tests want.
   *
   * @throws ReachabilityException with {@link Reason#BAD_ARGUMENT} if the index has another root, or
   *     {@link Reason#DATA_OVERFLOW} if {@code capacity} is empty
   */
  public void initialize(Hash root, Interval capacity) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(capacity, "capacity");
    if (store.reindexRoot().isPresent()) {
      if (store.has(root) && store.get(root).isRoot()) {
        return;
      }
      throw new ReachabilityException(Reason.BAD_ARGUMENT, "the index is already initialised with another root than " + root);
    }
    if (capacity.isEmpty()) {
      throw new ReachabilityException(Reason.DATA_OVERFLOW, "the root needs a non-empty interval");
    }
    store.put(root, ReachabilityData.root(capacity));
    store.setReindexRoot(root);
  }

  /**
   * Adds {@code block} with its selected parent and the rest of its mergeset (past of the block less the
   * past of the selected parent, the selected parent itself excluded), in any order.
   *
   * @throws ReachabilityException with {@link Reason#NOT_INITIALIZED} before {@link #initialize},
   *     {@link Reason#DUPLICATE_BLOCK} if {@code block} is known, {@link Reason#UNKNOWN_BLOCK} if the
   *     selected parent or a merged block is not, {@link Reason#BAD_ARGUMENT} if the mergeset repeats a
   *     block, names the selected parent or a block in its past, and {@link Reason#DATA_OVERFLOW} if the
   *     tree has run out of room (more than about 2^52 blocks)
   */
  public void addBlock(Hash block, Hash selectedParent, Collection<Hash> mergesetWithoutSelectedParent) {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(selectedParent, "selectedParent");
    Objects.requireNonNull(mergesetWithoutSelectedParent, "mergesetWithoutSelectedParent");
    Hash reindexRoot = requireInitialized();
    checkNewBlock(block, selectedParent, mergesetWithoutSelectedParent);
    addTreeBlock(block, selectedParent, reindexRoot);
    for (Hash merged : mergesetWithoutSelectedParent) {
      insertIntoFutureCoveringSet(merged, block);
    }
  }

  /**
   * Tells the index that {@code hint} is the new selected tip (Kaspa's virtual selected parent hint), so
   * that the reindex root can follow the selected chain at {@link ReindexParameters#depth()} behind it and
   * reindexing stays local. Optional for correctness; without it reindexing reaches further and is slower.
   *
   * @throws ReachabilityException with {@link Reason#UNKNOWN_BLOCK} if {@code hint} is not known
   */
  public void hintVirtualSelectedParent(Hash hint) {
    Objects.requireNonNull(hint, "hint");
    Hash current = requireInitialized();
    long hintHeight = store.get(hint).height();
    Hash ancestor = current;
    Hash next = current;
    if (!index.isChainAncestorOf(current, hint)) {
      // A reorganisation: follow the new chain only once it leads by the slack, so that alternating
      // chains cannot make the root jump back and forth.
      long currentHeight = store.get(current).height();
      if (hintHeight < currentHeight || hintHeight - currentHeight < parameters.slack()) {
        return;
      }
      ancestor = commonTreeAncestor(hint, current);
      next = ancestor;
    }
    while (!next.equals(hint)) {
      Hash child = ReachabilityIndex.nextChainAncestorUnchecked(store, hint, next);
      if (hintHeight - store.get(child).height() < parameters.depth()) {
        break;
      }
      next = child;
    }
    if (next.equals(current)) {
      return;
    }
    while (!ancestor.equals(next)) {
      Hash child = ReachabilityIndex.nextChainAncestorUnchecked(store, next, ancestor);
      new IntervalReindexer(store, current, parameters.slack()).concentrateInterval(ancestor, child, child.equals(next));
      ancestor = child;
    }
    store.setReindexRoot(next);
  }

  private Hash requireInitialized() {
    return store.reindexRoot().orElseThrow(
        () -> new ReachabilityException(Reason.NOT_INITIALIZED, "the reachability index has no root yet"));
  }

  private void checkNewBlock(Hash block, Hash selectedParent, Collection<Hash> mergeset) {
    if (store.has(block)) {
      throw new ReachabilityException(Reason.DUPLICATE_BLOCK, "block " + block + " is already in the index");
    }
    requireKnown(selectedParent, "selected parent");
    Set<Hash> seen = mergeset.size() > 1 ? new HashSet<>() : null;
    for (Hash merged : mergeset) {
      Objects.requireNonNull(merged, "merged block");
      if (merged.equals(selectedParent)) {
        throw new ReachabilityException(
            Reason.BAD_ARGUMENT, "the mergeset of " + block + " names its selected parent " + selectedParent);
      }
      requireKnown(merged, "merged block");
      if (seen != null && !seen.add(merged)) {
        throw new ReachabilityException(Reason.BAD_ARGUMENT, "the mergeset of " + block + " repeats " + merged);
      }
      // A block in the past of the selected parent is not in the mergeset; covering it would break the
      // minimality of its future covering set.
      if (index.isDagAncestorOf(merged, selectedParent)) {
        throw new ReachabilityException(Reason.BAD_ARGUMENT,
            "merged block " + merged + " of " + block + " is in the past of the selected parent " + selectedParent);
      }
    }
  }

  private void requireKnown(Hash block, String role) {
    if (!store.has(block)) {
      throw new ReachabilityException(Reason.UNKNOWN_BLOCK, "unknown " + role + " " + block);
    }
  }

  private void addTreeBlock(Hash block, Hash parent, Hash reindexRoot) {
    ReachabilityData parentData = store.get(parent);
    Interval remaining = TreeCapacity.remainingAfter(store, parentData);
    store.put(parent, parentData.withChildAppended(block));
    long height = parentData.height() + 1;
    if (remaining.isEmpty()) {
      // The reindexer expects exactly this empty interval, at the end of the parent's room.
      store.put(block, ReachabilityData.leaf(parent, remaining, height));
      new IntervalReindexer(store, reindexRoot, parameters.slack()).reindexIntervals(block);
    } else {
      store.put(block, ReachabilityData.leaf(parent, remaining.splitHalf()[0], height));
    }
  }

  private void insertIntoFutureCoveringSet(Hash merged, Hash block) {
    ReachabilityData mergedData = store.get(merged);
    int position = ReachabilityIndex.searchChainAncestor(store, mergedData.futureCoveringSet(), store.interval(block));
    if (position >= 0) {
      // Ruled out by the argument checks: an item that is a chain ancestor of the new block would put
      // the merged block in the past of the selected parent.
      throw new ReachabilityException(Reason.DATA_INCONSISTENCY,
          "future covering set of " + merged + " already covers the new block " + block);
    }
    store.put(merged, mergedData.withFutureCoveringItemAt(-position - 1, block));
  }

  private Hash commonTreeAncestor(Hash block, Hash other) {
    Hash current = block;
    while (!index.isChainAncestorOf(current, other)) {
      current = store.get(current).parent().orElseThrow(
          () -> new ReachabilityException(Reason.DATA_INCONSISTENCY, "two blocks without a common tree ancestor"));
    }
    return current;
  }
}
