package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naive oracle: answers ancestry by walking parents. Tests compare the reachability index with it
 * and use it to exercise GHOSTDAG on its own.
 */
public final class DfsReachabilityService implements ReachabilityService {
  private final Map<Hash, List<Hash>> parents = new HashMap<>();
  private final Map<Hash, Hash> selectedParents = new HashMap<>();

  /** Records a block; {@code selectedParent} is null for the root. */
  public void add(Hash block, List<Hash> blockParents, Hash selectedParent) {
    parents.put(block, List.copyOf(blockParents));
    if (selectedParent != null) {
      selectedParents.put(block, selectedParent);
    }
  }

  @Override
  public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
    requireKnown(ancestor);
    for (Hash current = requireKnown(descendant); current != null; current = selectedParents.get(current)) {
      if (current.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
    requireKnown(ancestor);
    Deque<Hash> toVisit = new ArrayDeque<>();
    Set<Hash> visited = new HashSet<>();
    toVisit.push(requireKnown(descendant));
    while (!toVisit.isEmpty()) {
      Hash current = toVisit.pop();
      if (current.equals(ancestor)) {
        return true;
      }
      if (visited.add(current)) {
        parents.get(current).forEach(toVisit::push);
      }
    }
    return false;
  }

  /** Every block in the past of {@code block}, itself excluded. */
  public Set<Hash> pastOf(Hash block) {
    Set<Hash> past = new HashSet<>();
    Deque<Hash> toVisit = new ArrayDeque<>(parents.get(requireKnown(block)));
    while (!toVisit.isEmpty()) {
      Hash current = toVisit.pop();
      if (past.add(current)) {
        parents.get(current).forEach(toVisit::push);
      }
    }
    return past;
  }

  /** {@code block} and its selected-parent chain down to the root. */
  public Set<Hash> selectedChainOf(Hash block) {
    Set<Hash> chain = new HashSet<>();
    for (Hash current = requireKnown(block); current != null; current = selectedParents.get(current)) {
      chain.add(current);
    }
    return chain;
  }

  private Hash requireKnown(Hash block) {
    if (!parents.containsKey(block)) {
      throw new IllegalArgumentException("unknown block " + block);
    }
    return block;
  }
}
