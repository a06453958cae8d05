package io.citrate.consensus.internal.ghostdag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.consensus.internal.store.KeyValueRelationsStore;
import io.citrate.core.api.Hash;
import io.citrate.store.api.MemoryKeyValueStore;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class GhostdagProtocolTest {
  private static final Hash GENESIS = hash(1);
  private static final Hash A = hash(2);
  private static final Hash B = hash(3);
  private static final Hash C = hash(4);
  private static final Hash D = hash(5);

  static Hash hash(int n) {
    byte[] bytes = new byte[Hash.SIZE];
    bytes[0] = (byte) n;
    return Hash.wrapUnsafe(bytes);
  }

  /** Genesis with three children A, B, C, all of equal blue work, so hashes decide. */
  private static TestDag forkedDag(int k, int mergesetSizeLimit) {
    TestDag dag = new TestDag(new MemoryKeyValueStore(), new ConsensusParameters(k, 10, mergesetSizeLimit, 1),
        GENESIS, BlockWork.UNIT);
    dag.add(A, List.of(GENESIS));
    dag.add(B, List.of(GENESIS));
    dag.add(C, List.of(GENESIS));
    return dag;
  }

  @Test
  void genesisHasNoPast() {
    GhostdagData genesis = forkedDag(1, 10).ghostdagStore.get(GENESIS);

    assertThat(genesis).isEqualTo(GhostdagData.genesis());
    assertThat(genesis.blueScore()).isZero();
    assertThat(genesis.blueWork()).isZero();
  }

  @Test
  void colouringStopsAtKPlusOneBlues() {
    TestDag dag = forkedDag(1, 10);

    GhostdagData merge = dag.add(D, List.of(A, C, B));

    assertThat(merge.selectedParent()).isEqualTo(C);
    assertThat(merge.mergesetBlues()).containsExactly(C, A);
    assertThat(merge.mergesetReds()).containsExactly(B);
    assertThat(merge.blueScore()).isEqualTo(3);
    assertThat(merge.blueWork()).isEqualTo(BigInteger.valueOf(3));
    assertThat(merge.bluesAnticoneSizes()).containsEntry(A, 1).containsEntry(C, 1);
  }

  @Test
  void consensusOrderPutsTheSelectedParentFirstThenAscendingWorkAndHash() {
    TestDag dag = forkedDag(1, 10);
    GhostdagData merge = dag.add(D, List.of(A, B, C));

    assertThat(dag.protocol.consensusOrderedMergeset(merge)).containsExactly(C, A, B);
    assertThat(dag.protocol.ascendingMergesetWithoutSelectedParent(merge)).containsExactly(A, B);
    assertThat(dag.protocol.consensusOrderedMergeset(GhostdagData.genesis())).isEmpty();
  }

  @Test
  void higherBlueWorkBeatsHigherHash() {
    TestDag dag = forkedDag(3, 10);
    Hash onA = hash(0x10);
    dag.add(onA, List.of(A));

    assertThat(dag.protocol.findSelectedParent(List.of(C, onA))).isEqualTo(onA);
    assertThat(dag.protocol.findSelectedParent(List.of(A, C, B))).isEqualTo(C);
  }

  @Test
  void workComesFromTheBlockWorkFunction() {
    TestDag dag = new TestDag(new MemoryKeyValueStore(), new ConsensusParameters(3, 10, 40, 1), GENESIS,
        block -> BigInteger.valueOf(block.unsafeBytes()[0]));
    dag.add(A, List.of(GENESIS));
    dag.add(B, List.of(GENESIS));

    GhostdagData merge = dag.add(C, List.of(A, B));

    // Genesis (1), then B (3) as selected parent and A (2) as the other blue.
    assertThat(merge.blueWork()).isEqualTo(BigInteger.valueOf(1 + 3 + 2));
  }

  @Test
  void refusesMissingParents() {
    assertRefusedWithoutWrites(forkedDag(1, 10), List.of(), GhostdagRuleException.NoParents.class,
        "at least one parent");
  }

  @Test
  void refusesUnknownParents() {
    assertRefusedWithoutWrites(forkedDag(1, 10), List.of(A, hash(0x77)), GhostdagRuleException.UnknownParent.class,
        "is unknown");
  }

  @Test
  void refusesRepeatedParents() {
    assertRefusedWithoutWrites(forkedDag(1, 10), List.of(A, A), GhostdagRuleException.DuplicateParent.class,
        "named twice");
  }

  @Test
  void refusesParentsInTheSelectedParentsPast() {
    TestDag dag = forkedDag(1, 10);
    Hash onA = hash(0x10);
    dag.add(onA, List.of(A));

    assertRefusedWithoutWrites(dag, List.of(onA, A), GhostdagRuleException.ParentInSelectedParentPast.class,
        "in the past of the selected parent");
  }

  @Test
  void refusesMergesetsOverTheLimit() {
    assertRefusedWithoutWrites(forkedDag(1, 2), List.of(A, B, C), GhostdagRuleException.MergesetTooLarge.class,
        "exceeds the limit of 2 blocks");
  }

  @Test
  void acceptsAMergesetExactlyAtTheLimit() {
    assertThat(forkedDag(1, 3).add(D, List.of(A, B, C)).mergesetSize()).isEqualTo(3);
  }

  private static void assertRefusedWithoutWrites(TestDag dag, List<Hash> parents,
      Class<? extends GhostdagRuleException> error, String message) {
    long ghostdagEntries = dag.store.count(KeyValueGhostdagStore.STORE_NAME);
    long relationEntries = dag.store.count(KeyValueRelationsStore.PARENTS);

    assertThatThrownBy(() -> dag.add(D, parents)).isInstanceOf(error).hasMessageContaining(message);

    assertThat(dag.store.count(KeyValueGhostdagStore.STORE_NAME)).isEqualTo(ghostdagEntries);
    assertThat(dag.store.count(KeyValueRelationsStore.PARENTS)).isEqualTo(relationEntries);
    assertThat(dag.ghostdagStore.has(D)).isFalse();
  }
}
