package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.block.InvalidBlockHeaderException;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;

/** Headers of valid blocks on a {@link KeyValueStore}, keyed by hash, in their canonical encoding. */
public final class KeyValueHeaderStore {
  public static final StoreName STORE_NAME = StoreName.of("headers");

  private final KeyValueStore store;

  public KeyValueHeaderStore(KeyValueStore store) {
    this.store = store;
  }

  /** @throws MissingBlockDataException when the block has no stored header */
  public BlockHeader get(Hash block) {
    byte[] encoded = store.get(STORE_NAME, block.unsafeBytes())
        .orElseThrow(() -> new MissingBlockDataException(STORE_NAME.value(), block));
    try {
      return BlockHeader.decode(encoded);
    } catch (InvalidBlockHeaderException e) {
      throw new CorruptBlockDataException(STORE_NAME.value(), block, e);
    }
  }

  public boolean has(Hash block) {
    return store.contains(STORE_NAME, block.unsafeBytes());
  }

  /** Stages the header into {@code batch}. */
  public void insertBatch(WriteBatch batch, BlockHeader header) {
    if (has(header.hash())) {
      throw new DuplicateBlockDataException(STORE_NAME.value(), header.hash());
    }
    batch.put(STORE_NAME, header.hash().unsafeBytes(), header.encode());
  }
}
