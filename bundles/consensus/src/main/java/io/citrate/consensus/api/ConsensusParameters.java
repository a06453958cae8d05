package io.citrate.consensus.api;

/**
 * Consensus rules that every node of a network must share. They come from genesis (and later from
 * governance), never from node-local configuration.
 *
 * @param ghostdagK the k of GHOSTDAG: the largest blue anticone a blue block may have
 * @param maxBlockParents most parents a block header may name
 * @param mergesetSizeLimit most blocks a block's mergeset may hold
 * @param finalityDepth blue-score depth below the sink beyond which blocks are final
 */
public record ConsensusParameters(int ghostdagK, int maxBlockParents, int mergesetSizeLimit, long finalityDepth) {

  /** k = 18 as in DESIGN.md; parent and mergeset limits as Kaspa derives them from k. */
  public static final ConsensusParameters DEFAULT = new ConsensusParameters(18, 10, 180, 86_400);

  public ConsensusParameters {
    if (ghostdagK < 1 || ghostdagK > 0xffff) {
      throw new IllegalArgumentException("ghostdag k must be in [1, 65535]: " + ghostdagK);
    }
    if (maxBlockParents < 1) {
      throw new IllegalArgumentException("max block parents must be positive: " + maxBlockParents);
    }
    if (mergesetSizeLimit < ghostdagK + 1) {
      throw new IllegalArgumentException("mergeset size limit " + mergesetSizeLimit + " is below k + 1");
    }
    if (finalityDepth < 1) {
      throw new IllegalArgumentException("finality depth must be positive: " + finalityDepth);
    }
  }
}
