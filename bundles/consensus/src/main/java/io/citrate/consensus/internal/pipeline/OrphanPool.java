package io.citrate.consensus.internal.pipeline;

import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocks that arrived before some of their parents, held until the parents are processed. Bounded:
 * when full, the oldest orphan is dropped, so a flood of orphans costs a peer its own blocks rather
 * than the node its memory. Nothing here is consensus state; it only decides when a block is offered
 * to the pipeline.
 */
public final class OrphanPool {
  private final int capacity;
  /** Insertion order is eviction order. */
  private final LinkedHashMap<Hash, Orphan> orphans = new LinkedHashMap<>();
  private final Map<Hash, Set<Hash>> waitingForParent = new HashMap<>();

  public OrphanPool(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("orphan pool capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Holds {@code header} until every one of {@code missingParents} has been processed. Returns false
   * if the block is already held.
   */
  public synchronized boolean add(BlockHeader header, Collection<Hash> missingParents) {
    if (missingParents.isEmpty()) {
      throw new IllegalArgumentException("block " + header.hash() + " has no missing parent");
    }
    Hash hash = header.hash();
    if (orphans.containsKey(hash)) {
      return false;
    }
    if (orphans.size() == capacity) {
      remove(orphans.keySet().iterator().next());
    }
    orphans.put(hash, new Orphan(header, new LinkedHashSet<>(missingParents)));
    for (Hash parent : missingParents) {
      waitingForParent.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(hash);
    }
    return true;
  }

  /**
   * Records that {@code parent} has been processed and returns the orphans that no longer miss any
   * parent, in the order they arrived, removing them from the pool.
   */
  public synchronized List<BlockHeader> parentProcessed(Hash parent) {
    Set<Hash> children = waitingForParent.remove(parent);
    if (children == null) {
      return List.of();
    }
    List<BlockHeader> ready = new ArrayList<>();
    for (Hash child : children) {
      Orphan orphan = orphans.get(child);
      orphan.missingParents.remove(parent);
      if (orphan.missingParents.isEmpty()) {
        orphans.remove(child);
        ready.add(orphan.header);
      }
    }
    return ready;
  }

  /** Drops a held block, for instance one found invalid. */
  public synchronized void remove(Hash block) {
    Orphan orphan = orphans.remove(block);
    if (orphan == null) {
      return;
    }
    for (Hash parent : orphan.missingParents) {
      Set<Hash> children = waitingForParent.get(parent);
      children.remove(block);
      if (children.isEmpty()) {
        waitingForParent.remove(parent);
      }
    }
  }

  public synchronized boolean contains(Hash block) {
    return orphans.containsKey(block);
  }

  public synchronized int size() {
    return orphans.size();
  }

  public int capacity() {
    return capacity;
  }

  private record Orphan(BlockHeader header, Set<Hash> missingParents) {}
}
