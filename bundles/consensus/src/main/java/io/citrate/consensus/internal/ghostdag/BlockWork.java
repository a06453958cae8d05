package io.citrate.consensus.internal.ghostdag;

import io.citrate.core.api.Hash;
import java.math.BigInteger;

/**
 * The work one block adds to the blue work of the blocks that count it blue. Must be positive, so that
 * blue work grows strictly along every path of the DAG and ordering by it is topological.
 */
@FunctionalInterface
public interface BlockWork {

  /** Citrate's rule: blocks carry no proof of work, so every block counts as one unit. */
  BlockWork UNIT = block -> BigInteger.ONE;

  BigInteger of(Hash block);
}
