package io.citrate.consensus.internal.reachability;

import static io.citrate.consensus.internal.reachability.TestDag.hash;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Hash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random DAGs: every ancestry answer of the index equals the DFS oracle's. */
class ReachabilityIndexPropertyTest {

  @Property(tries = 60)
  void smallDagsAnswerEveryPairLikeTheOracle(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int blockCount, @ForAll @IntRange(min = 1, max = 4) int maxParents) {
    MemoryReachabilityStore store = new MemoryReachabilityStore();
    TestDag dag = build(new TestDag(store, ReindexParameters.DEFAULT, false), Interval.maximal(), seed, blockCount, maxParents);
    ReachabilityInvariants.check(store, hash(0));
    assertAllPairs(dag);
  }

  @Property(tries = 40)
  void smallRootIntervalsForceReindexingWithoutChangingAnswers(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int blockCount, @ForAll @IntRange(min = 1, max = 4) int maxParents,
      @ForAll @IntRange(min = 0, max = 3) int spareFactor) {
    MemoryReachabilityStore store = new MemoryReachabilityStore();
    // Just enough room for every block, or a few times that: the halving runs dry within a few levels.
    Interval capacity = Interval.of(1, (long) (blockCount + 1) * (1 + spareFactor));
    TestDag dag = build(new TestDag(store, ReindexParameters.DEFAULT, false), capacity, seed, blockCount, maxParents);
    ReachabilityInvariants.check(store, hash(0));
    assertAllPairs(dag);
  }

  @Property(tries = 40)
  void aMovingReindexRootWithLittleSlackKeepsAnswers(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 150) int blockCount, @ForAll @IntRange(min = 1, max = 4) int maxParents,
      @ForAll @IntRange(min = 1, max = 6) int depth, @ForAll @IntRange(min = 0, max = 8) int slack) {
    MemoryReachabilityStore store = new MemoryReachabilityStore();
    TestDag dag = build(new TestDag(store, new ReindexParameters(depth, slack), true), Interval.maximal(), seed, blockCount, maxParents);
    ReachabilityInvariants.check(store, hash(0));
    assertSampledPairs(dag, new Random(seed), 3000);
  }

  /**
   * Block {@code i} takes up to {@code maxParents} distinct parents, mostly among the last few blocks
   * (a DAG about that wide) and now and then far back, as a late block would.
   */
  static TestDag build(TestDag dag, Interval capacity, long seed, int blockCount, int maxParents) {
    Random random = new Random(seed);
    dag.genesis(hash(0), capacity);
    for (int i = 1; i < blockCount; i++) {
      int parentCount = 1 + random.nextInt(maxParents);
      Set<Hash> parents = new LinkedHashSet<>();
      for (int p = 0; p < parentCount; p++) {
        int window = random.nextInt(10) == 0 ? i : Math.min(i, 6);
        parents.add(hash(i - 1 - random.nextInt(window)));
      }
      dag.add(hash(i), new ArrayList<>(parents));
    }
    return dag;
  }

  static void assertAllPairs(TestDag dag) {
    for (Hash descendant : dag.blocks()) {
      Set<Hash> past = dag.oracle().pastOf(descendant);
      Set<Hash> chain = dag.oracle().selectedChainOf(descendant);
      for (Hash ancestor : dag.blocks()) {
        boolean inPast = ancestor.equals(descendant) || past.contains(ancestor);
        assertThat(dag.index().isDagAncestorOf(ancestor, descendant)).as("%s in past of %s", ancestor, descendant).isEqualTo(inPast);
        assertThat(dag.index().isChainAncestorOf(ancestor, descendant)).as("%s on chain of %s", ancestor, descendant)
            .isEqualTo(chain.contains(ancestor));
      }
    }
  }

  static void assertSampledPairs(TestDag dag, Random random, int count) {
    List<Hash> blocks = dag.blocks();
    for (int i = 0; i < count; i++) {
      Hash ancestor = blocks.get(random.nextInt(blocks.size()));
      Hash descendant = blocks.get(random.nextInt(blocks.size()));
      assertThat(dag.index().isDagAncestorOf(ancestor, descendant)).as("%s in past of %s", ancestor, descendant)
          .isEqualTo(dag.oracle().isDagAncestorOf(ancestor, descendant));
      assertThat(dag.index().isChainAncestorOf(ancestor, descendant)).as("%s on chain of %s", ancestor, descendant)
          .isEqualTo(dag.oracle().isChainAncestorOf(ancestor, descendant));
    }
  }
}
