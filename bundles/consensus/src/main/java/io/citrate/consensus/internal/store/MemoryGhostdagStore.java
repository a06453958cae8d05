package io.citrate.consensus.internal.store;

import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import java.util.HashMap;
import java.util.Map;

/** A {@link GhostdagStore} in a map, for tests and tools. Not thread-safe. */
public final class MemoryGhostdagStore implements GhostdagStore {
  private final Map<Hash, GhostdagData> data = new HashMap<>();

  @Override
  public GhostdagData get(Hash block) {
    GhostdagData found = data.get(block);
    if (found == null) {
      throw new MissingBlockDataException(KeyValueGhostdagStore.STORE_NAME.value(), block);
    }
    return found;
  }

  @Override
  public boolean has(Hash block) {
    return data.containsKey(block);
  }

  @Override
  public void insert(Hash block, GhostdagData blockData) {
    if (data.putIfAbsent(block, blockData) != null) {
      throw new DuplicateBlockDataException(KeyValueGhostdagStore.STORE_NAME.value(), block);
    }
  }
}
