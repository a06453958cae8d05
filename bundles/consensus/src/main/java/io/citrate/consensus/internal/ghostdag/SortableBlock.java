package io.citrate.consensus.internal.ghostdag;

import io.citrate.core.api.Hash;
import java.math.BigInteger;

/**
 * A block with the key GHOSTDAG orders by: blue work, then hash compared as unsigned bytes from index 0.
 * The selected parent is the maximum; mergesets are coloured and executed in ascending order.
 */
public record SortableBlock(Hash hash, BigInteger blueWork) implements Comparable<SortableBlock> {

  @Override
  public int compareTo(SortableBlock other) {
    int byWork = blueWork.compareTo(other.blueWork);
    return byWork != 0 ? byWork : hash.compareTo(other.hash);
  }
}
