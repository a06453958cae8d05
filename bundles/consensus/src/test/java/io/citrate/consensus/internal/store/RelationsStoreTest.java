package io.citrate.consensus.internal.store;

import static io.citrate.consensus.internal.store.StoreTestHashes.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Hash;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RelationsStoreTest {
  private static final Hash GENESIS = hash(1);
  private static final Hash LEFT = hash(2);
  private static final Hash RIGHT = hash(3);
  private static final Hash MERGE = hash(4);

  static Stream<RelationsStore> stores() {
    return Stream.of(new MemoryRelationsStore(), new KeyValueRelationsStore(new MemoryKeyValueStore()));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void keepsParentsAndChildrenInAscendingHashOrder(RelationsStore store) {
    store.insert(GENESIS, List.of());
    store.insert(RIGHT, List.of(GENESIS));
    store.insert(LEFT, List.of(GENESIS));
    store.insert(MERGE, List.of(RIGHT, LEFT));

    assertThat(store.parents(MERGE)).containsExactly(LEFT, RIGHT);
    assertThat(store.parents(GENESIS)).isEmpty();
    assertThat(store.children(GENESIS)).containsExactly(LEFT, RIGHT);
    assertThat(store.children(LEFT)).containsExactly(MERGE);
    assertThat(store.children(MERGE)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void unknownBlocksAreATypedError(RelationsStore store) {
    assertThat(store.has(LEFT)).isFalse();
    assertThatThrownBy(() -> store.parents(LEFT)).isInstanceOf(MissingBlockDataException.class);
    assertThatThrownBy(() -> store.children(LEFT)).isInstanceOf(MissingBlockDataException.class);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void refusesDuplicatesWithoutChangingAnything(RelationsStore store) {
    store.insert(GENESIS, List.of());
    store.insert(LEFT, List.of(GENESIS));

    assertThatThrownBy(() -> store.insert(LEFT, List.of(RIGHT))).isInstanceOf(DuplicateBlockDataException.class);
    assertThatThrownBy(() -> store.insert(MERGE, List.of(LEFT, LEFT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThat(store.parents(LEFT)).containsExactly(GENESIS);
    assertThat(store.has(MERGE)).isFalse();
    assertThat(store.children(LEFT)).isEmpty();
  }

  @Test
  void blocksStagedInOneBatchKeepEveryEdge() {
    MemoryKeyValueStore keyValueStore = new MemoryKeyValueStore();
    KeyValueRelationsStore store = new KeyValueRelationsStore(keyValueStore);
    store.insert(GENESIS, List.of());
    WriteBatch batch = new WriteBatch();

    store.insertBatch(batch, LEFT, List.of(GENESIS));
    store.insertBatch(batch, RIGHT, List.of(GENESIS));
    assertThat(store.has(LEFT)).isFalse();
    keyValueStore.commit(batch);

    assertThat(store.children(GENESIS)).containsExactly(LEFT, RIGHT);
  }
}
