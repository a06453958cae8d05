package io.citrate.consensus.internal.reachability;

import static io.citrate.consensus.internal.reachability.TestDag.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.store.internal.XodusKeyValueStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueReachabilityStoreTest {
  private static final ReindexParameters PARAMETERS = new ReindexParameters(4, 6);

  @Test
  void stagedChangesReachTheStoreOnlyThroughTheCommittedBatch() {
    MemoryKeyValueStore kv = new MemoryKeyValueStore();
    KeyValueReachabilityStore committed = new KeyValueReachabilityStore(kv, 1024);

    StagingReachabilityStore genesis = new StagingReachabilityStore(committed);
    new ReachabilityWriter(genesis, PARAMETERS).initialize(hash(0));
    commit(kv, genesis);

    StagingReachabilityStore staging = new StagingReachabilityStore(committed);
    new ReachabilityWriter(staging, PARAMETERS).addBlock(hash(1), hash(0), List.of());
    assertThat(staging.has(hash(1))).isTrue();
    assertThat(staging.changedBlocks()).isEqualTo(2);
    assertThat(committed.has(hash(1))).isFalse();
    assertThat(committed.get(hash(0)).children()).isEmpty();

    commit(kv, staging);
    KeyValueReachabilityStore reopened = new KeyValueReachabilityStore(kv, 1);
    assertThat(reopened.get(hash(0)).children()).containsExactly(hash(1));
    assertThat(reopened.get(hash(1))).isEqualTo(committed.get(hash(1)));
    assertThat(reopened.reindexRoot()).contains(hash(0));
    assertThatThrownBy(() -> staging.commit(new WriteBatch())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedUpdateIsDroppedWithItsStagingStore() {
    MemoryKeyValueStore kv = new MemoryKeyValueStore();
    KeyValueReachabilityStore committed = new KeyValueReachabilityStore(kv, 1024);
    StagingReachabilityStore genesis = new StagingReachabilityStore(committed);
    new ReachabilityWriter(genesis, PARAMETERS).initialize(hash(0), Interval.of(1, 3));
    commit(kv, genesis);
    StagingReachabilityStore first = new StagingReachabilityStore(committed);
    new ReachabilityWriter(first, PARAMETERS).addBlock(hash(1), hash(0), List.of());
    commit(kv, first);
    StagingReachabilityStore second = new StagingReachabilityStore(committed);
    new ReachabilityWriter(second, PARAMETERS).addBlock(hash(2), hash(1), List.of());
    commit(kv, second);
    ReachabilityData rootBefore = committed.get(hash(0));

    StagingReachabilityStore overflowing = new StagingReachabilityStore(committed);
    assertThatThrownBy(() -> new ReachabilityWriter(overflowing, PARAMETERS).addBlock(hash(3), hash(2), List.of()))
        .isInstanceOfSatisfying(ReachabilityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_OVERFLOW));

    assertThat(committed.has(hash(3))).isFalse();
    assertThat(new KeyValueReachabilityStore(kv, 16).get(hash(0))).isEqualTo(rootBefore);
  }

  @Test
  void aCorruptRecordIsInconsistentDataAndAnAbsentOneUnknown() {
    MemoryKeyValueStore kv = new MemoryKeyValueStore();
    kv.commit(new WriteBatch().put(KeyValueReachabilityStore.STORE, hash(7).toArray(), new byte[] {(byte) 0xc1, 0x05}));
    KeyValueReachabilityStore store = new KeyValueReachabilityStore(kv, 16);
    assertThatThrownBy(() -> store.get(hash(7)))
        .isInstanceOfSatisfying(ReachabilityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_INCONSISTENCY));
    assertThatThrownBy(() -> store.get(hash(8)))
        .isInstanceOfSatisfying(ReachabilityException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_BLOCK));
    assertThatThrownBy(() -> new KeyValueReachabilityStore(kv, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stagedBuildsWriteTheSameDataAsTheMemoryStore() {
    MemoryReachabilityStore memory = new MemoryReachabilityStore();
    TestDag reference = ReachabilityIndexPropertyTest.build(new TestDag(memory, PARAMETERS, true), Interval.maximal(), 7, 300, 3);

    MemoryKeyValueStore kv = new MemoryKeyValueStore();
    KeyValueReachabilityStore committed = new KeyValueReachabilityStore(kv, 64);
    TestDag staged = ReachabilityIndexPropertyTest.build(
        new TestDag(committed, stagingInto(kv, committed), PARAMETERS, true), Interval.maximal(), 7, 300, 3);

    KeyValueReachabilityStore fresh = new KeyValueReachabilityStore(kv, 1024);
    for (Hash block : reference.blocks()) {
      assertThat(fresh.get(block)).as("data of %s", block).isEqualTo(memory.get(block));
    }
    assertThat(fresh.reindexRoot()).isEqualTo(memory.reindexRoot());
    assertThat(staged.blocks()).isEqualTo(reference.blocks());
  }

  @Test
  void aXodusStoreReopenedHalfwayContinuesCorrectly(@TempDir Path directory) throws Exception {
    int blockCount = 400;
    Random random = new Random(11);
    XodusKeyValueStore xodus = XodusKeyValueStore.open(directory, false);
    // A cache smaller than the DAG, so that records are evicted and read back while building.
    KeyValueReachabilityStore committed = new KeyValueReachabilityStore(xodus, 64);
    TestDag dag = new TestDag(committed, stagingInto(xodus, committed), PARAMETERS, true);
    dag.genesis(hash(0), Interval.maximal());
    addRandomBlocks(dag, random, 1, blockCount / 2);
    xodus.close();

    xodus = XodusKeyValueStore.open(directory, false);
    try {
      KeyValueReachabilityStore reopened = new KeyValueReachabilityStore(xodus, 4096);
      assertThat(reopened.reindexRoot()).isEqualTo(committed.reindexRoot());
      dag.connect(reopened, stagingInto(xodus, reopened));
      addRandomBlocks(dag, random, blockCount / 2, blockCount);

      KeyValueReachabilityStore fresh = new KeyValueReachabilityStore(xodus, 1024);
      ReachabilityInvariants.check(fresh, hash(0));
      ReachabilityIndexPropertyTest.assertAllPairs(dag);
    } finally {
      xodus.close();
    }
  }

  private static void addRandomBlocks(TestDag dag, Random random, int from, int to) {
    for (int i = from; i < to; i++) {
      Hash first = hash(i - 1 - random.nextInt(Math.min(i, 5)));
      Hash second = hash(i - 1 - random.nextInt(Math.min(i, 5)));
      dag.add(hash(i), first.equals(second) ? List.of(first) : List.of(first, second));
    }
  }

  private static TestDag.Transactions stagingInto(KeyValueStore kv, KeyValueReachabilityStore committed) {
    return new TestDag.Transactions() {
      @Override
      public ReachabilityStore begin() {
        return new StagingReachabilityStore(committed);
      }

      @Override
      public void end(ReachabilityStore staged) {
        commit(kv, (StagingReachabilityStore) staged);
      }
    };
  }

  private static void commit(KeyValueStore kv, StagingReachabilityStore staging) {
    WriteBatch batch = new WriteBatch();
    staging.commit(batch);
    kv.commit(batch);
  }
}
