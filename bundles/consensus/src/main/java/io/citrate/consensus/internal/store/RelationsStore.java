package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import java.util.List;

/** The DAG's edges; a block's parents are written once, its children grow as blocks arrive. */
public interface RelationsStore extends RelationsStoreReader {

  /**
   * Adds {@code block} with its {@code parents} at once and records it as a child of each parent.
   *
   * @throws DuplicateBlockDataException when the block was already added
   * @throws IllegalArgumentException when {@code parents} names a block twice
   */
  void insert(Hash block, List<Hash> parents);
}
