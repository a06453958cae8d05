package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import java.util.List;

/** Read access to the DAG's edges: the parents and children of every block added so far. */
public interface RelationsStoreReader {

  /**
   * The direct parents of {@code block}, in ascending hash order; empty for genesis.
   *
   * @throws MissingBlockDataException when the block was never added
   */
  List<Hash> parents(Hash block);

  /**
   * The blocks added so far that name {@code block} as a parent, in ascending hash order.
   *
   * @throws MissingBlockDataException when the block was never added
   */
  List<Hash> children(Hash block);

  boolean has(Hash block);
}
