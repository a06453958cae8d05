package io.citrate.consensus.internal.store;

import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import java.math.BigInteger;

/** Read access to the GHOSTDAG data of every block processed so far. */
public interface GhostdagStoreReader {

  /**
   * The GHOSTDAG data of {@code block}.
   *
   * @throws MissingBlockDataException when the block has none
   */
  GhostdagData get(Hash block);

  boolean has(Hash block);

  default long blueScore(Hash block) {
    return get(block).blueScore();
  }

  default BigInteger blueWork(Hash block) {
    return get(block).blueWork();
  }

  default Hash selectedParent(Hash block) {
    return get(block).selectedParent();
  }
}
