package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;

/**
 * A {@link ChainRandomnessStore} on a {@link KeyValueStore}: one entry per block, keyed by its hash,
 * holding {@link ChainRandomness#encode()}. The pipeline stages a block's record into the block's own batch
 * with {@link #insertBatch}; reads see committed data.
 */
public final class KeyValueChainRandomnessStore implements ChainRandomnessStore {
  public static final StoreName STORE_NAME = StoreName.of("chain-randomness");

  private final KeyValueStore store;

  public KeyValueChainRandomnessStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public ChainRandomness get(Hash block) {
    byte[] encoded = store.get(STORE_NAME, block.unsafeBytes())
        .orElseThrow(() -> new MissingBlockDataException(STORE_NAME.value(), block));
    try {
      return ChainRandomness.decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new CorruptBlockDataException(STORE_NAME.value(), block, e);
    }
  }

  @Override
  public boolean has(Hash block) {
    return store.contains(STORE_NAME, block.unsafeBytes());
  }

  /** Stores {@code randomness} at once, in a batch of its own. */
  @Override
  public void insert(Hash block, ChainRandomness randomness) {
    WriteBatch batch = new WriteBatch();
    insertBatch(batch, block, randomness);
    store.commit(batch);
  }

  /**
   * Stages {@code randomness} for {@code block} into {@code batch}; nothing is visible until the caller
   * commits it.
   *
   * @throws DuplicateBlockDataException when a committed record for the block already exists
   */
  public void insertBatch(WriteBatch batch, Hash block, ChainRandomness randomness) {
    if (has(block)) {
      throw new DuplicateBlockDataException(STORE_NAME.value(), block);
    }
    batch.put(STORE_NAME, block.unsafeBytes(), randomness.encode());
  }
}
