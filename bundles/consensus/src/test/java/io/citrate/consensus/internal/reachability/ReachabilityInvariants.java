package io.citrate.consensus.internal.reachability;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the shape of a reachability tree (Kaspa {@code validate_intervals}). */
final class ReachabilityInvariants {
  private ReachabilityInvariants() {}

  /**
   * Every block holds at least its subtree size; children lie inside their parent's room for children,
   * in order and disjoint; heights and parents agree; future covering sets are sorted and disjoint.
   */
  static void check(ReachabilityStoreReader store, Hash root) {
    List<Hash> order = new ArrayList<>();
    order.add(root);
    for (int i = 0; i < order.size(); i++) {
      Hash block = order.get(i);
      ReachabilityData data = store.get(block);
      Interval room = TreeCapacity.forChildren(data.interval());
      long previousEnd = room.start() - 1;
      for (Hash child : data.children()) {
        ReachabilityData childData = store.get(child);
        assertThat(childData.parent()).as("parent of %s", child).contains(block);
        assertThat(childData.height()).as("height of %s", child).isEqualTo(data.height() + 1);
        Interval interval = childData.interval();
        assertThat(interval.isEmpty()).as("interval of %s is empty", child).isFalse();
        assertThat(room.contains(interval)).as("%s of %s within %s", interval, child, room).isTrue();
        assertThat(Long.compareUnsigned(interval.start(), previousEnd)).as("%s after its older sibling", child).isPositive();
        previousEnd = interval.end();
        order.add(child);
      }
      long previousItemEnd = 0;
      for (Hash item : data.futureCoveringSet()) {
        Interval interval = store.interval(item);
        assertThat(Long.compareUnsigned(interval.start(), previousItemEnd)).as("future covering set of %s", block).isPositive();
        previousItemEnd = interval.end();
      }
    }
    long[] subtreeSizes = new long[order.size()];
    Map<Hash, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      subtreeSizes[i] += 1;
      Hash block = order.get(i);
      ReachabilityData data = store.get(block);
      assertThat(Long.compareUnsigned(data.interval().size(), subtreeSizes[i])).as("room of %s", block).isNotNegative();
      data.parent().ifPresent(parent -> subtreeSizes[position.get(parent)] += subtreeSizes[position.get(block)]);
    }
  }
}
