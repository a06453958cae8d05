package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** A {@link RelationsStore} in maps, for tests and tools. Not thread-safe. */
public final class MemoryRelationsStore implements RelationsStore {
  private final Map<Hash, List<Hash>> parents = new HashMap<>();
  private final Map<Hash, NavigableSet<Hash>> children = new HashMap<>();

  @Override
  public List<Hash> parents(Hash block) {
    List<Hash> found = parents.get(block);
    if (found == null) {
      throw new MissingBlockDataException(KeyValueRelationsStore.PARENTS.value(), block);
    }
    return found;
  }

  @Override
  public List<Hash> children(Hash block) {
    if (!parents.containsKey(block)) {
      throw new MissingBlockDataException(KeyValueRelationsStore.PARENTS.value(), block);
    }
    return List.copyOf(children.getOrDefault(block, new TreeSet<>()));
  }

  @Override
  public boolean has(Hash block) {
    return parents.containsKey(block);
  }

  @Override
  public void insert(Hash block, List<Hash> blockParents) {
    List<Hash> sorted = KeyValueRelationsStore.sortedDistinct(block, blockParents);
    if (parents.containsKey(block)) {
      throw new DuplicateBlockDataException(KeyValueRelationsStore.PARENTS.value(), block);
    }
    parents.put(block, sorted);
    for (Hash parent : sorted) {
      children.computeIfAbsent(parent, key -> new TreeSet<>()).add(block);
    }
  }
}
