package io.citrate.consensus.internal.reachability;

import static io.citrate.consensus.internal.reachability.TestDag.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReachabilityWriterTest {
  private static final Hash ROOT = hash(0);

  private final MemoryReachabilityStore store = new MemoryReachabilityStore();
  private final ReachabilityWriter writer = new ReachabilityWriter(store, ReindexParameters.DEFAULT);
  private final ReachabilityIndex index = new ReachabilityIndex(store);

  @Test
  void treeBlocksInASmallIntervalAreReindexed() {
    // Kaspa's test_add_tree_blocks: 11 blocks in [1, 15] leave no room for halving.
    writer.initialize(ROOT, Interval.of(1, 15));
    long[][] parentOf = {{2, 0}, {3, 2}, {4, 2}, {5, 3}, {6, 5}, {7, 0}, {8, 6}, {9, 6}, {10, 6}, {11, 6}};
    for (long[] edge : parentOf) {
      writer.addBlock(hash(edge[0]), hash(edge[1]), List.of());
    }
    ReachabilityInvariants.check(store, ROOT);
    assertThat(index.isChainAncestorOf(hash(2), hash(11))).isTrue();
    assertThat(index.isChainAncestorOf(hash(7), hash(11))).isFalse();
    assertThat(index.isStrictChainAncestorOf(hash(6), hash(6))).isFalse();
    assertThat(index.nextChainAncestor(hash(11), ROOT)).isEqualTo(hash(2));
  }

  @Test
  void earlierThanReindexRootAllocationReclaimsSlackFromTheChain() {
    // Kaspa's test_add_early_blocks: a binary tree with the reindex root moving, then a late block deep
    // under an early block.
    ReachabilityWriter smallSlack = new ReachabilityWriter(store, new ReindexParameters(2, 5));
    smallSlack.initialize(hash(1));
    for (long i = 2; i < 100; i++) {
      smallSlack.addBlock(hash(i), hash(i / 2), List.of());
      smallSlack.hintVirtualSelectedParent(hash(i));
    }
    smallSlack.addBlock(hash(100), hash(2), List.of());
    ReachabilityInvariants.check(store, hash(1));
    assertThat(store.reindexRoot().orElseThrow()).isNotEqualTo(hash(1));
    assertThat(index.isChainAncestorOf(hash(2), hash(100))).isTrue();
    assertThat(index.isChainAncestorOf(hash(3), hash(100))).isFalse();
  }

  @Test
  void dagAncestryFollowsFutureCoveringSets() {
    // Kaspa's test_add_dag_blocks, with this test's selected parent rule.
    TestDag dag = new TestDag(store, ReindexParameters.DEFAULT, true).genesis(hash(1), Interval.maximal());
    dag.add(hash(2), List.of(hash(1)))
        .add(hash(3), List.of(hash(1)))
        .add(hash(4), List.of(hash(2), hash(3)))
        .add(hash(5), List.of(hash(4)))
        .add(hash(6), List.of(hash(1)))
        .add(hash(7), List.of(hash(5), hash(6)))
        .add(hash(8), List.of(hash(1)))
        .add(hash(9), List.of(hash(1)))
        .add(hash(10), List.of(hash(7), hash(8), hash(9)))
        .add(hash(11), List.of(hash(1)))
        .add(hash(12), List.of(hash(11), hash(10)));
    ReachabilityInvariants.check(store, hash(1));
    for (long i = 2; i <= 12; i++) {
      assertThat(index.isDagAncestorOf(hash(1), hash(i))).isTrue();
    }
    long[][] past = {{2, 4}, {2, 5}, {2, 7}, {5, 10}, {6, 10}, {10, 12}, {11, 12}, {3, 12}};
    for (long[] pair : past) {
      assertThat(index.isDagAncestorOf(hash(pair[0]), hash(pair[1]))).as("%s in past of %s", pair[0], pair[1]).isTrue();
      assertThat(index.isDagAncestorOf(hash(pair[1]), hash(pair[0]))).isFalse();
    }
    long[][] anticone = {{2, 3}, {2, 6}, {3, 6}, {5, 6}, {3, 8}, {11, 2}, {11, 4}, {11, 6}, {11, 9}};
    for (long[] pair : anticone) {
      assertThat(index.isDagAncestorOf(hash(pair[0]), hash(pair[1]))).isFalse();
      assertThat(index.isDagAncestorOf(hash(pair[1]), hash(pair[0]))).isFalse();
    }
    assertThat(index.isAnyDagAncestorOf(List.of(hash(11), hash(6)), hash(10))).isTrue();
    assertThat(index.isDagAncestorOfAny(hash(11), List.of(hash(10), hash(9)))).isFalse();
    Hash mergedBy4 = store.get(hash(4)).parent().orElseThrow().equals(hash(2)) ? hash(3) : hash(2);
    assertThat(store.get(mergedBy4).futureCoveringSet()).containsExactly(hash(4));
  }

  @Test
  void aLongChainStaysCorrectThroughRepeatedReindexing() {
    for (boolean hint : new boolean[] {false, true}) {
      MemoryReachabilityStore chainStore = new MemoryReachabilityStore();
      TestDag dag = new TestDag(chainStore, new ReindexParameters(10, 8), hint).genesis(ROOT, Interval.maximal());
      for (long i = 1; i <= 600; i++) {
        dag.add(hash(i), i % 50 == 0 ? List.of(hash(i - 1), hash(i - 7)) : List.of(hash(i - 1)));
        if (i % 25 == 0) {
          // A side block hanging off an old chain block, as a late block would.
          dag.add(hash(10_000 + i), List.of(hash(i - 20)));
        }
      }
      ReachabilityInvariants.check(chainStore, ROOT);
      ReachabilityIndex chainIndex = new ReachabilityIndex(chainStore);
      assertThat(chainIndex.isChainAncestorOf(ROOT, hash(600))).isTrue();
      assertThat(chainIndex.isChainAncestorOf(hash(300), hash(600))).isTrue();
      assertThat(chainIndex.isDagAncestorOf(hash(10_000 + 300), hash(600))).isFalse();
      assertThat(chainIndex.isDagAncestorOf(hash(280), hash(10_000 + 300))).isTrue();
    }
  }

  @Test
  void theReindexRootFollowsAChainThatOvertakesByTheSlack() {
    TestDag dag = new TestDag(store, new ReindexParameters(2, 3), true).genesis(ROOT, Interval.maximal());
    for (long i = 1; i <= 10; i++) {
      dag.add(hash(i), List.of(hash(i - 1)));
    }
    assertThat(store.reindexRoot()).contains(hash(8));
    // A competing chain from block 2, blocks 102 to 120 at heights 3 to 21.
    dag.add(hash(102), List.of(hash(2)));
    for (long i = 103; i <= 120; i++) {
      dag.add(hash(i), List.of(hash(i - 1)));
      long height = i - 99;
      if (height <= 10) {
        assertThat(store.reindexRoot()).as("root while the new chain is not ahead").contains(hash(8));
      }
    }
    assertThat(dag.selectedTip()).isEqualTo(hash(120));
    assertThat(store.reindexRoot()).contains(hash(118));
    ReachabilityInvariants.check(store, ROOT);
    ReachabilityIndexPropertyTest.assertAllPairs(dag);

    // Late blocks on the abandoned chain land far below the reindex root.
    dag.add(hash(11), List.of(hash(10)));
    dag.add(hash(12), List.of(hash(11), hash(105)));
    ReachabilityInvariants.check(store, ROOT);
    ReachabilityIndexPropertyTest.assertAllPairs(dag);
  }

  @Test
  void initialisingAgainWithTheSameRootDoesNothingAndAnotherRootIsRefused() {
    writer.initialize(ROOT);
    writer.initialize(ROOT);
    assertThat(store.size()).isEqualTo(1);
    assertRefused(() -> writer.initialize(hash(5)), Reason.BAD_ARGUMENT, "already initialised");
    assertThatThrownBy(() -> new ReachabilityWriter(new MemoryReachabilityStore(), ReindexParameters.DEFAULT)
        .initialize(ROOT, Interval.of(4, 3)))
        .isInstanceOfSatisfying(ReachabilityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_OVERFLOW));
  }

  @Test
  void badInputIsRefusedWithATypedErrorAndChangesNothing() {
    assertRefused(() -> writer.addBlock(hash(1), ROOT, List.of()), Reason.NOT_INITIALIZED, "no root yet");
    writer.initialize(ROOT);
    writer.addBlock(hash(1), ROOT, List.of());
    writer.addBlock(hash(2), ROOT, List.of());
    writer.addBlock(hash(3), hash(1), List.of());
    ReachabilityData rootBefore = store.get(ROOT);
    ReachabilityData oneBefore = store.get(hash(1));
    ReachabilityData twoBefore = store.get(hash(2));

    assertRefused(() -> writer.addBlock(hash(1), ROOT, List.of()), Reason.DUPLICATE_BLOCK, "already in the index");
    assertRefused(() -> writer.addBlock(hash(4), hash(9), List.of()), Reason.UNKNOWN_BLOCK, "unknown selected parent");
    assertRefused(() -> writer.addBlock(hash(4), hash(1), List.of(hash(9))), Reason.UNKNOWN_BLOCK, "unknown merged block");
    assertRefused(() -> writer.addBlock(hash(4), hash(1), List.of(hash(1))), Reason.BAD_ARGUMENT, "names its selected parent");
    assertRefused(() -> writer.addBlock(hash(4), hash(3), List.of(hash(2), hash(2))), Reason.BAD_ARGUMENT, "repeats");
    assertRefused(() -> writer.addBlock(hash(4), hash(3), List.of(ROOT)), Reason.BAD_ARGUMENT, "in the past of the selected parent");
    assertRefused(() -> writer.hintVirtualSelectedParent(hash(9)), Reason.UNKNOWN_BLOCK, "unknown block");
    assertRefused(() -> index.isDagAncestorOf(hash(9), hash(1)), Reason.UNKNOWN_BLOCK, "unknown block");
    assertRefused(() -> index.isChainAncestorOf(hash(1), hash(9)), Reason.UNKNOWN_BLOCK, "unknown block");
    assertRefused(() -> index.nextChainAncestor(hash(2), hash(1)), Reason.BAD_ARGUMENT, "not a strict chain ancestor");

    assertThat(store.size()).isEqualTo(4);
    assertThat(store.get(ROOT)).isEqualTo(rootBefore);
    assertThat(store.get(hash(1))).isEqualTo(oneBefore);
    assertThat(store.get(hash(2))).isEqualTo(twoBefore);
  }

  @Test
  void aTreeThatOutgrowsItsRootIntervalOverflows() {
    writer.initialize(ROOT, Interval.of(1, 3));
    writer.addBlock(hash(1), ROOT, List.of());
    writer.addBlock(hash(2), hash(1), List.of());
    assertRefused(() -> writer.addBlock(hash(3), hash(2), List.of()), Reason.DATA_OVERFLOW, "no interval room");
  }

  private static void assertRefused(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ReachabilityException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}
