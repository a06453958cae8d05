package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One reindex operation (Kaspa {@code reachability/reindex.rs}): moves tree intervals to make room for a
 * block whose parent ran out, or concentrates room on the chain when the reindex root advances.
 *
 * <p>Room is found by walking up from the block until an ancestor's interval is at least its subtree
 * size, then re-splitting that ancestor's interval over its subtree in proportion to subtree sizes. When
 * the walk would cross the reindex root's chain, room is reclaimed from the slack the chain blocks left
 * beside the reindex root instead, so the reindex root's big subtree never has to move. Subtree sizes are
 * counted once per operation; the tree's shape does not change during one.
 */
final class IntervalReindexer {
  private final ReachabilityStore store;
  private final Hash reindexRoot;
  private final long slack;
  private final Map<Hash, Long> subtreeSizes = new HashMap<>();

  IntervalReindexer(ReachabilityStore store, Hash reindexRoot, long slack) {
    this.store = store;
    this.reindexRoot = reindexRoot;
    this.slack = slack;
  }

  /** Makes room for {@code newChild}, which holds the empty interval at the end of its parent's room. */
  void reindexIntervals(Hash newChild) {
    Hash current = newChild;
    while (true) {
      ReachabilityData data = store.get(current);
      long subtreeSize = subtreeSize(current);
      if (Long.compareUnsigned(data.interval().size(), subtreeSize) >= 0) {
        break;
      }
      if (data.isRoot()) {
        throw new ReachabilityException(Reason.DATA_OVERFLOW,
            "the tree root " + current + " has no interval room for its " + subtreeSize + " blocks");
      }
      if (current.equals(reindexRoot)) {
        throw new ReachabilityException(Reason.DATA_OVERFLOW,
            "the reindex root " + current + " has no interval room for its " + subtreeSize + " blocks");
      }
      Hash parent = parentOf(data, current);
      if (store.interval(parent).strictlyContains(store.interval(reindexRoot))) {
        reindexIntervalsEarlierThanRoot(current, parent, subtreeSize);
        return;
      }
      current = parent;
    }
    propagateInterval(current);
  }

  /**
   * Moves room from the siblings of {@code child} to {@code child}, the next block on the chain towards
   * the new reindex root: the siblings get tight intervals right after {@code slack} at either end of
   * {@code parent}'s interval, and {@code child} takes everything in between.
   */
  void concentrateInterval(Hash parent, Hash child, boolean isFinalReindexRoot) {
    List<Hash> children = store.get(parent).children();
    int index = indexOfChild(children, child, parent);
    long beforeSum = tightenIntervalsBefore(parent, children.subList(0, index));
    long afterSum = tightenIntervalsAfter(parent, children.subList(index + 1, children.size()));
    expandIntervalToChosen(parent, child, beforeSum, afterSum, isFinalReindexRoot);
  }

  private long subtreeSize(Hash block) {
    countSubtrees(block);
    return subtreeSizes.get(block);
  }

  /**
   * Counts the subtree size of every block under {@code block}, breadth first rather than recursively
   * because the tree is a long chain: leaves (and subtrees already counted) push their sizes up the
   * parent chain, and a parent is summed once all its children have reported.
   */
  private void countSubtrees(Hash block) {
    if (subtreeSizes.containsKey(block)) {
      return;
    }
    ArrayDeque<Hash> queue = new ArrayDeque<>();
    queue.add(block);
    Map<Hash, Integer> reportedChildren = new HashMap<>();
    while (!queue.isEmpty()) {
      Hash current = queue.poll();
      ReachabilityData data = store.get(current);
      if (data.children().isEmpty()) {
        subtreeSizes.put(current, 1L);
      } else if (!subtreeSizes.containsKey(current)) {
        queue.addAll(data.children());
        continue;
      }
      while (!current.equals(block)) {
        current = parentOf(store.get(current), current);
        List<Hash> siblings = store.get(current).children();
        int reported = reportedChildren.merge(current, 1, Integer::sum);
        if (reported < siblings.size()) {
          break;
        }
        long size = 1;
        for (Hash sibling : siblings) {
          size += subtreeSizes.get(sibling);
        }
        subtreeSizes.put(current, size);
      }
    }
  }

  /** Re-splits the children's room of every block under {@code block} by subtree sizes, top down. */
  private void propagateInterval(Hash block) {
    propagate(block, false);
  }

  /**
   * Like {@link #propagateInterval}, but every block with room to spare keeps {@code slack} free at both
   * ends of its children's room. Used for the reindex root's subtree: when the root moves on to a chain
   * block, that block's allocation then still contains the intervals of its own chain child and the
   * ones after it, so the subtree need not be laid out again at every move.
   */
  private void propagateIntervalKeepingSlack(Hash block) {
    propagate(block, true);
  }

  private void propagate(Hash block, boolean keepSlack) {
    countSubtrees(block);
    ArrayDeque<Hash> queue = new ArrayDeque<>();
    queue.add(block);
    while (!queue.isEmpty()) {
      Hash current = queue.poll();
      ReachabilityData data = store.get(current);
      List<Hash> children = data.children();
      if (children.isEmpty()) {
        continue;
      }
      long[] sizes = new long[children.size()];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = subtreeSizes.get(children.get(i));
      }
      Interval capacity = TreeCapacity.forChildren(data.interval());
      if (keepSlack && Long.compareUnsigned(capacity.size() - sum(sizes), 2 * slack) >= 0) {
        capacity = Interval.of(capacity.start() + slack, capacity.end() - slack);
      }
      Interval[] intervals = capacity.splitExponential(sizes);
      for (int i = 0; i < intervals.length; i++) {
        Hash child = children.get(i);
        store.put(child, store.get(child).withInterval(intervals[i]));
      }
      queue.addAll(children);
    }
  }

  /**
   * Finds {@code requiredAllocation} room for {@code allocationBlock}, a child of {@code commonAncestor}
   * off the reindex root's chain, by taking slack from the chain between {@code commonAncestor} and the
   * reindex root on the side where {@code allocationBlock} lies.
   */
  private void reindexIntervalsEarlierThanRoot(Hash allocationBlock, Hash commonAncestor, long requiredAllocation) {
    Hash chosenChild = ReachabilityIndex.nextChainAncestorUnchecked(store, reindexRoot, commonAncestor);
    Interval blockInterval = store.interval(allocationBlock);
    Interval chosenInterval = store.interval(chosenChild);
    if (Long.compareUnsigned(blockInterval.start(), chosenInterval.start()) < 0) {
      reclaimIntervalBefore(allocationBlock, commonAncestor, chosenChild, requiredAllocation);
    } else {
      reclaimIntervalAfter(allocationBlock, commonAncestor, chosenChild, requiredAllocation);
    }
  }

  private void reclaimIntervalBefore(Hash allocationBlock, Hash commonAncestor, Hash chosenChild, long requiredAllocation) {
    long slackSum = 0;
    long pathLength = 0;
    long pathSlackAllocation = 0;
    Hash current = chosenChild;
    // Up the chain towards the reindex root until the slack before the chain blocks adds up.
    while (true) {
      if (current.equals(reindexRoot)) {
        // The reindex root has room to spare: take what is missing, plus fresh slack for every chain
        // block walked, which the walk down below hands back to them.
        long offset = requiredAllocation + slack * pathLength - slackSum;
        applyAndPropagate(current, offset, Interval::increaseStart);
        offsetSiblingsBefore(allocationBlock, current, offset);
        pathSlackAllocation = slack;
        break;
      }
      long slackBeforeCurrent = TreeCapacity.remainingBefore(store, store.get(current)).size();
      slackSum += slackBeforeCurrent;
      if (Long.compareUnsigned(slackSum, requiredAllocation) >= 0) {
        long offset = slackBeforeCurrent - (slackSum - requiredAllocation);
        apply(current, offset, Interval::increaseStart);
        offsetSiblingsBefore(allocationBlock, current, offset);
        break;
      }
      current = ReachabilityIndex.nextChainAncestorUnchecked(store, reindexRoot, current);
      pathLength++;
    }
    // Back down to the common ancestor, passing the reclaimed room towards the allocation block.
    while (true) {
      current = parentOf(store.get(current), current);
      if (current.equals(commonAncestor)) {
        break;
      }
      long slackBeforeCurrent = TreeCapacity.remainingBefore(store, store.get(current)).size();
      long offset = slackBeforeCurrent - pathSlackAllocation;
      apply(current, offset, Interval::increaseStart);
      offsetSiblingsBefore(allocationBlock, current, offset);
    }
  }

  private void reclaimIntervalAfter(Hash allocationBlock, Hash commonAncestor, Hash chosenChild, long requiredAllocation) {
    long slackSum = 0;
    long pathLength = 0;
    long pathSlackAllocation = 0;
    Hash current = chosenChild;
    while (true) {
      if (current.equals(reindexRoot)) {
        long offset = requiredAllocation + slack * pathLength - slackSum;
        applyAndPropagate(current, offset, Interval::decreaseEnd);
        offsetSiblingsAfter(allocationBlock, current, offset);
        pathSlackAllocation = slack;
        break;
      }
      long slackAfterCurrent = TreeCapacity.remainingAfter(store, store.get(current)).size();
      slackSum += slackAfterCurrent;
      if (Long.compareUnsigned(slackSum, requiredAllocation) >= 0) {
        long offset = slackAfterCurrent - (slackSum - requiredAllocation);
        apply(current, offset, Interval::decreaseEnd);
        offsetSiblingsAfter(allocationBlock, current, offset);
        break;
      }
      current = ReachabilityIndex.nextChainAncestorUnchecked(store, reindexRoot, current);
      pathLength++;
    }
    while (true) {
      current = parentOf(store.get(current), current);
      if (current.equals(commonAncestor)) {
        break;
      }
      long slackAfterCurrent = TreeCapacity.remainingAfter(store, store.get(current)).size();
      long offset = slackAfterCurrent - pathSlackAllocation;
      apply(current, offset, Interval::decreaseEnd);
      offsetSiblingsAfter(allocationBlock, current, offset);
    }
  }

  /**
   * Shifts the siblings before {@code current} up by {@code offset}, nearest first, until reaching
   * {@code allocationBlock}, which grows its end into the room they left.
   */
  private void offsetSiblingsBefore(Hash allocationBlock, Hash current, long offset) {
    Hash parent = parentOf(store.get(current), current);
    List<Hash> siblings = store.get(parent).children();
    for (int i = indexOfChild(siblings, current, parent) - 1; i >= 0; i--) {
      Hash sibling = siblings.get(i);
      if (sibling.equals(allocationBlock)) {
        applyAndPropagate(allocationBlock, offset, Interval::increaseEnd);
        break;
      }
      applyAndPropagate(sibling, offset, Interval::increase);
    }
  }

  /** The mirror image of {@link #offsetSiblingsBefore}, shifting the later siblings down. */
  private void offsetSiblingsAfter(Hash allocationBlock, Hash current, long offset) {
    Hash parent = parentOf(store.get(current), current);
    List<Hash> siblings = store.get(parent).children();
    for (int i = indexOfChild(siblings, current, parent) + 1; i < siblings.size(); i++) {
      Hash sibling = siblings.get(i);
      if (sibling.equals(allocationBlock)) {
        applyAndPropagate(allocationBlock, offset, Interval::decreaseStart);
        break;
      }
      applyAndPropagate(sibling, offset, Interval::decrease);
    }
  }

  private long tightenIntervalsBefore(Hash parent, List<Hash> childrenBefore) {
    long[] sizes = subtreeSizesOf(childrenBefore);
    long sum = sum(sizes);
    Interval interval = store.interval(parent);
    Interval before = Interval.of(interval.start() + slack, interval.start() + slack + sum - 1);
    assignAndPropagate(childrenBefore, before.splitExact(sizes));
    return sum;
  }

  private long tightenIntervalsAfter(Hash parent, List<Hash> childrenAfter) {
    long[] sizes = subtreeSizesOf(childrenAfter);
    long sum = sum(sizes);
    Interval interval = store.interval(parent);
    Interval after = Interval.of(interval.end() - slack - sum, interval.end() - slack - 1);
    assignAndPropagate(childrenAfter, after.splitExact(sizes));
    return sum;
  }

  private void expandIntervalToChosen(Hash parent, Hash child, long beforeSum, long afterSum, boolean isFinalReindexRoot) {
    Interval interval = store.interval(parent);
    Interval allocation = Interval.of(interval.start() + beforeSum + slack, interval.end() - afterSum - slack - 1);
    Interval current = store.interval(child);
    store.put(child, store.get(child).withInterval(allocation));
    if (isFinalReindexRoot && !allocation.contains(current)) {
      propagateIntervalKeepingSlack(child);
    }
  }

  private void assignAndPropagate(List<Hash> blocks, Interval[] intervals) {
    for (int i = 0; i < intervals.length; i++) {
      Hash block = blocks.get(i);
      store.put(block, store.get(block).withInterval(intervals[i]));
      propagateInterval(block);
    }
  }

  private long[] subtreeSizesOf(List<Hash> blocks) {
    long[] sizes = new long[blocks.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = subtreeSize(blocks.get(i));
    }
    return sizes;
  }

  private static long sum(long[] values) {
    long sum = 0;
    for (long value : values) {
      sum += value;
    }
    return sum;
  }

  private void apply(Hash block, long offset, BiFunction<Interval, Long, Interval> operation) {
    ReachabilityData data = store.get(block);
    store.put(block, data.withInterval(operation.apply(data.interval(), offset)));
  }

  private void applyAndPropagate(Hash block, long offset, BiFunction<Interval, Long, Interval> operation) {
    apply(block, offset, operation);
    propagateInterval(block);
  }

  private static Hash parentOf(ReachabilityData data, Hash block) {
    return data.parent().orElseThrow(
        () -> new ReachabilityException(Reason.DATA_INCONSISTENCY, "the tree root " + block + " has no parent"));
  }

  private static int indexOfChild(List<Hash> children, Hash child, Hash parent) {
    int index = children.indexOf(child);
    if (index < 0) {
      throw new ReachabilityException(Reason.DATA_INCONSISTENCY, child + " is not a tree child of " + parent);
    }
    return index;
  }
}
