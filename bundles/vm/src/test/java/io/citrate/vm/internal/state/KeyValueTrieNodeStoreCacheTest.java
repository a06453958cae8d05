package io.citrate.vm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import org.junit.jupiter.api.Test;

class KeyValueTrieNodeStoreCacheTest {
  private static final byte[] NODE = {(byte) 0xc2, 0x01, 0x02};
  private static final Hash HASH = Keccak256.hash(NODE);

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();

  private void storeNode() {
    store.commit(new WriteBatch().put(KeyValueTrieNodeStore.STATE_NODES, HASH.unsafeBytes(), NODE));
  }

  private void forgetNode() {
    store.commit(new WriteBatch().delete(KeyValueTrieNodeStore.STATE_NODES, HASH.unsafeBytes()));
  }

  @Test
  void aNodeReadFromTheStoreIsServedFromTheCacheAfterwardsAsACopy() {
    TrieNodeCache cache = new TrieNodeCache(16);
    storeNode();
    byte[] first = new KeyValueTrieNodeStore(store, cache).get(HASH).orElseThrow();
    first[0] = 0;
    forgetNode();
    assertThat(new KeyValueTrieNodeStore(store, cache).get(HASH)).hasValueSatisfying(
        node -> assertThat(node).isEqualTo(NODE));
  }

  @Test
  void stagedNodesAreNotCachedSinceTheirBatchMayBeDropped() {
    TrieNodeCache cache = new TrieNodeCache(16);
    KeyValueTrieNodeStore staging = new KeyValueTrieNodeStore(store, cache);
    staging.put(HASH, NODE);
    assertThat(staging.get(HASH)).isPresent();
    assertThat(new KeyValueTrieNodeStore(store, cache).get(HASH)).isEmpty();
  }

  @Test
  void withoutACacheEveryReadGoesToTheStore() {
    storeNode();
    assertThat(new KeyValueTrieNodeStore(store).get(HASH)).isPresent();
    forgetNode();
    assertThat(new KeyValueTrieNodeStore(store).get(HASH)).isEmpty();
  }
}
