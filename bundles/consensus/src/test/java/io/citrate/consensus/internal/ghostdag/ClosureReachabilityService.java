package io.citrate.consensus.internal.ghostdag;

import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.core.api.Hash;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive oracle like the DFS one, but answering in constant time: each block keeps its whole past as a
 * bit set (quadratic memory, fine for test DAGs of a few thousand blocks). The DFS oracle walks the past
 * on every query, which takes most of a minute on the 5000-block fixture.
 */
final class ClosureReachabilityService implements ReachabilityService {
  private final Map<Hash, Integer> indices = new HashMap<>();
  private final Map<Hash, BitSet> pastsAndSelves = new HashMap<>();
  private final Map<Hash, Hash> selectedParents = new HashMap<>();

  /** Records a block after its parents; {@code selectedParent} is null for the root. */
  void add(Hash block, List<Hash> parents, Hash selectedParent) {
    BitSet pastAndSelf = new BitSet();
    for (Hash parent : parents) {
      pastAndSelf.or(requireKnown(parent));
    }
    int index = indices.size();
    indices.put(block, index);
    pastAndSelf.set(index);
    pastsAndSelves.put(block, pastAndSelf);
    if (selectedParent != null) {
      selectedParents.put(block, selectedParent);
    }
  }

  @Override
  public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
    requireKnown(ancestor);
    requireKnown(descendant);
    for (Hash current = descendant; current != null; current = selectedParents.get(current)) {
      if (current.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
    requireKnown(ancestor);
    return requireKnown(descendant).get(indices.get(ancestor));
  }

  private BitSet requireKnown(Hash block) {
    BitSet pastAndSelf = pastsAndSelves.get(block);
    if (pastAndSelf == null) {
      throw new IllegalArgumentException("unknown block " + block);
    }
    return pastAndSelf;
  }
}
