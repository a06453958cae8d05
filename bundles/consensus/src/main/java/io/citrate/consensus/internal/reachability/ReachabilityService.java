package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import java.util.Collection;

/**
 * Ancestry questions over the block DAG. Every ancestry question in consensus goes through this
 * service; the production implementation answers from the reachability index (intervals over the
 * selected-parent tree plus future covering sets) without walking the DAG.
 *
 * <p>Both relations are reflexive: a block is its own chain ancestor and its own DAG ancestor. Every
 * block named must already be known to the index.
 */
public interface ReachabilityService {

  /** Whether {@code ancestor} is on the selected-parent chain of {@code descendant}. */
  boolean isChainAncestorOf(Hash ancestor, Hash descendant);

  /** Whether {@code ancestor} is in the past of {@code descendant}. */
  boolean isDagAncestorOf(Hash ancestor, Hash descendant);

  /** Whether {@code ancestor} is in the past of at least one of {@code descendants}. */
  default boolean isDagAncestorOfAny(Hash ancestor, Collection<Hash> descendants) {
    for (Hash descendant : descendants) {
      if (isDagAncestorOf(ancestor, descendant)) {
        return true;
      }
    }
    return false;
  }

  /** Whether at least one of {@code ancestors} is in the past of {@code descendant}. */
  default boolean isAnyDagAncestorOf(Collection<Hash> ancestors, Hash descendant) {
    for (Hash ancestor : ancestors) {
      if (isDagAncestorOf(ancestor, descendant)) {
        return true;
      }
    }
    return false;
  }
}
