package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import java.util.HashMap;
import java.util.Map;

/** A {@link ChainRandomnessStore} in a map, for tests and tools. Not thread-safe. */
public final class MemoryChainRandomnessStore implements ChainRandomnessStore {
  private final Map<Hash, ChainRandomness> records = new HashMap<>();

  @Override
  public ChainRandomness get(Hash block) {
    ChainRandomness found = records.get(block);
    if (found == null) {
      throw new MissingBlockDataException(KeyValueChainRandomnessStore.STORE_NAME.value(), block);
    }
    return found;
  }

  @Override
  public boolean has(Hash block) {
    return records.containsKey(block);
  }

  @Override
  public void insert(Hash block, ChainRandomness randomness) {
    if (records.putIfAbsent(block, randomness) != null) {
      throw new DuplicateBlockDataException(KeyValueChainRandomnessStore.STORE_NAME.value(), block);
    }
  }
}
