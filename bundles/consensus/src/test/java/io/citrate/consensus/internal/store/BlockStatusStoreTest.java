package io.citrate.consensus.internal.store;

import static io.citrate.consensus.internal.store.StoreTestHashes.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.BlockStatus;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import org.junit.jupiter.api.Test;

class BlockStatusStoreTest {
  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final KeyValueBlockStatusStore statuses = new KeyValueBlockStatusStore(store);

  @Test
  void anUnknownBlockIsLookedUpAgainOnceItIsJudged() {
    assertThat(statuses.status(hash(1))).isEmpty();
    WriteBatch batch = new WriteBatch();
    statuses.stageValid(batch, hash(1));
    statuses.stageInvalid(batch, hash(2), "bad signature");
    store.commit(batch);

    assertThat(statuses.status(hash(1))).contains(BlockStatus.VALID);
    assertThat(statuses.status(hash(1))).contains(BlockStatus.VALID);
    assertThat(statuses.status(hash(2))).contains(BlockStatus.INVALID);
    assertThat(statuses.rejectionReason(hash(2))).contains("bad signature");
    assertThat(statuses.rejectionReason(hash(1))).isEmpty();
  }

  @Test
  void anUnknownStatusRecordIsCorruption() {
    store.commit(new WriteBatch().put(KeyValueBlockStatusStore.STORE_NAME, hash(3).toArray(), new byte[] {9}));
    assertThatThrownBy(() -> statuses.status(hash(3))).isInstanceOf(CorruptBlockDataException.class);
  }
}
