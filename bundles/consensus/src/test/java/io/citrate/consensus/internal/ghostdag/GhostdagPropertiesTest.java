package io.citrate.consensus.internal.ghostdag;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import io.citrate.store.api.MemoryKeyValueStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * GHOSTDAG against its definition on random DAGs, ancestry from the DFS oracle: the blue set of every block
 * is a k-cluster, the mergeset is past(B) \ past(SP), blue score and work count the blue past, and the
 * result does not depend on the order in which blocks arrive.
 */
class GhostdagPropertiesTest {

  /** A random DAG: blocks in a topological order, each with an antichain of parents. */
  record RandomDag(int k, List<Hash> blocks, Map<Hash, List<Hash>> parents, Map<Hash, BitSet> pasts) {

    Hash genesis() {
      return blocks.get(0);
    }

    boolean inPast(Hash ancestor, Hash descendant) {
      return pasts.get(descendant).get(blocks.indexOf(ancestor));
    }

    /** Builds {@code size} blocks after genesis, each on 1 to 4 of the 6 latest blocks. */
    static RandomDag generate(long seed, int k, int size) {
      Random random = new Random(seed);
      List<Hash> blocks = new ArrayList<>();
      Map<Hash, List<Hash>> parents = new HashMap<>();
      Map<Hash, BitSet> pasts = new HashMap<>();
      RandomDag dag = new RandomDag(k, blocks, parents, pasts);
      Hash genesis = randomHash(random);
      blocks.add(genesis);
      parents.put(genesis, List.of());
      pasts.put(genesis, new BitSet());
      for (int i = 1; i <= size; i++) {
        Set<Hash> chosen = new HashSet<>();
        int wanted = 1 + random.nextInt(4);
        for (int j = 0; j < wanted; j++) {
          chosen.add(blocks.get(Math.max(0, blocks.size() - 1 - random.nextInt(6))));
        }
        List<Hash> antichain = chosen.stream()
            .filter(parent -> chosen.stream().noneMatch(other -> dag.inPast(parent, other)))
            .sorted()
            .toList();
        Hash block = randomHash(random);
        BitSet past = new BitSet();
        for (Hash parent : antichain) {
          past.or(pasts.get(parent));
          past.set(blocks.indexOf(parent));
        }
        blocks.add(block);
        parents.put(block, antichain);
        pasts.put(block, past);
      }
      return dag;
    }

    /** The same blocks in another random topological order, genesis first. */
    List<Hash> shuffledTopologicalOrder(long seed) {
      Random random = new Random(seed);
      List<Hash> order = new ArrayList<>(List.of(genesis()));
      Set<Hash> placed = new HashSet<>(order);
      List<Hash> ready = new ArrayList<>();
      while (order.size() < blocks.size()) {
        ready.clear();
        for (Hash block : blocks) {
          if (!placed.contains(block) && placed.containsAll(parents.get(block))) {
            ready.add(block);
          }
        }
        Hash next = ready.get(random.nextInt(ready.size()));
        order.add(next);
        placed.add(next);
      }
      return order;
    }

    Map<Hash, GhostdagData> colour(List<Hash> order) {
      TestDag dag = new TestDag(new MemoryKeyValueStore(), new ConsensusParameters(k, 10, 10 * (k + 1), 1),
          genesis(), BlockWork.UNIT, TestDag.dfsReachability());
      Map<Hash, GhostdagData> data = new HashMap<>();
      data.put(genesis(), dag.ghostdagStore.get(genesis()));
      for (Hash block : order.subList(1, order.size())) {
        data.put(block, dag.add(block, parents.get(block)));
      }
      return data;
    }

    private static Hash randomHash(Random random) {
      byte[] bytes = new byte[Hash.SIZE];
      random.nextBytes(bytes);
      return Hash.wrapUnsafe(bytes);
    }
  }

  @Property(tries = 150)
  void blueSetsAreKClustersAndScoresCountThem(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 1, max = 40) int size) {
    RandomDag dag = RandomDag.generate(seed, k, size);
    Map<Hash, GhostdagData> data = dag.colour(dag.blocks());
    Statistics.label("has red blocks").collect(data.values().stream().anyMatch(d -> !d.mergesetReds().isEmpty()));

    for (Hash block : dag.blocks().subList(1, dag.blocks().size())) {
      GhostdagData blockData = data.get(block);
      Set<Hash> blueSet = blueSet(block, data);
      assertThat(blockData.blueScore()).as("blue score of %s", block).isEqualTo(blueSet.size());
      assertThat(blockData.blueWork()).as("blue work of %s", block).isEqualTo(BigInteger.valueOf(blueSet.size()));
      assertThat(blockData.mergesetBlues().size()).isLessThanOrEqualTo(k + 1);
      for (Hash blue : blueSet) {
        long blueAnticone = blueSet.stream().filter(other -> inAnticone(dag, blue, other)).count();
        assertThat(blueAnticone).as("blue anticone of %s seen from %s", blue, block).isLessThanOrEqualTo(k);
      }
    }
  }

  @Property(tries = 150)
  void mergesetIsThePastNotInTheSelectedParentsPast(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 1, max = 40) int size) {
    RandomDag dag = RandomDag.generate(seed, k, size);
    Map<Hash, GhostdagData> data = dag.colour(dag.blocks());

    for (Hash block : dag.blocks().subList(1, dag.blocks().size())) {
      GhostdagData blockData = data.get(block);
      Hash selectedParent = blockData.selectedParent();
      Set<Hash> expected = new HashSet<>();
      for (Hash other : dag.blocks()) {
        if (dag.inPast(other, block) && !dag.inPast(other, selectedParent)) {
          expected.add(other);
        }
      }
      Set<Hash> mergeset = new HashSet<>(blockData.mergesetBlues());
      mergeset.addAll(blockData.mergesetReds());
      assertThat(mergeset).as("mergeset of %s", block).isEqualTo(expected);
      SortableBlock best = dag.parents().get(block).stream()
          .map(parent -> new SortableBlock(parent, data.get(parent).blueWork()))
          .max(SortableBlock::compareTo)
          .orElseThrow();
      assertThat(selectedParent).isEqualTo(best.hash());
    }
  }

  @Property(tries = 100)
  void arrivalOrderDoesNotMatter(
      @ForAll long seed, @ForAll long orderSeed, @ForAll @IntRange(min = 1, max = 4) int k,
      @ForAll @IntRange(min = 1, max = 30) int size) {
    RandomDag dag = RandomDag.generate(seed, k, size);

    assertThat(dag.colour(dag.shuffledTopologicalOrder(orderSeed))).isEqualTo(dag.colour(dag.blocks()));
  }

  /** The blue past of {@code block}: the mergeset blues of every block on its selected chain. */
  private static Set<Hash> blueSet(Hash block, Map<Hash, GhostdagData> data) {
    Set<Hash> blues = new HashSet<>();
    for (GhostdagData current = data.get(block); !current.mergesetBlues().isEmpty();
        current = data.get(current.selectedParent())) {
      blues.addAll(current.mergesetBlues());
    }
    return blues;
  }

  private static boolean inAnticone(RandomDag dag, Hash block, Hash other) {
    return !block.equals(other) && !dag.inPast(block, other) && !dag.inPast(other, block);
  }
}
