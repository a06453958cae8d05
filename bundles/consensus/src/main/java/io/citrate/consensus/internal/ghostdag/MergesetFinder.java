package io.citrate.consensus.internal.ghostdag;

import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.consensus.internal.store.RelationsStoreReader;
import io.citrate.core.api.Hash;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a new block's mergeset, past(B) \ past(selected parent), without the selected parent: a
 * breadth-first walk down from B's other parents that stops at every block in the selected parent's
 * past, so it touches only the mergeset and its boundary. Ancestry comes from the reachability service.
 */
final class MergesetFinder {
  private final RelationsStoreReader relationsStore;
  private final ReachabilityService reachability;
  private final int mergesetSizeLimit;

  MergesetFinder(RelationsStoreReader relationsStore, ReachabilityService reachability, int mergesetSizeLimit) {
    this.relationsStore = relationsStore;
    this.reachability = reachability;
    this.mergesetSizeLimit = mergesetSizeLimit;
  }

  /**
   * The mergeset without the selected parent, in no particular order.
   *
   * @throws GhostdagRuleException.ParentInSelectedParentPast when a parent is in the selected parent's past
   * @throws GhostdagRuleException.MergesetTooLarge as soon as the mergeset, selected parent included,
   *     would exceed the limit
   */
  Set<Hash> unorderedWithoutSelectedParent(Hash selectedParent, List<Hash> parents) {
    Set<Hash> mergeset = new HashSet<>();
    Deque<Hash> queue = new ArrayDeque<>();
    for (Hash parent : parents) {
      if (parent.equals(selectedParent)) {
        continue;
      }
      if (reachability.isDagAncestorOf(parent, selectedParent)) {
        throw new GhostdagRuleException.ParentInSelectedParentPast(parent, selectedParent);
      }
      add(mergeset, queue, parent, parents);
    }
    Set<Hash> selectedParentPast = new HashSet<>();
    while (!queue.isEmpty()) {
      for (Hash parent : relationsStore.parents(queue.poll())) {
        if (mergeset.contains(parent) || selectedParentPast.contains(parent)) {
          continue;
        }
        if (reachability.isDagAncestorOf(parent, selectedParent)) {
          selectedParentPast.add(parent);
        } else {
          add(mergeset, queue, parent, parents);
        }
      }
    }
    return mergeset;
  }

  private void add(Set<Hash> mergeset, Deque<Hash> queue, Hash block, List<Hash> parents) {
    mergeset.add(block);
    if (mergeset.size() + 1 > mergesetSizeLimit) {
      throw new GhostdagRuleException.MergesetTooLarge(parents, mergesetSizeLimit);
    }
    queue.add(block);
  }
}
