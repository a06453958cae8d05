package io.citrate.consensus.api;

/**
 * Rules of the proposer lottery that every node of a network must share; they come from genesis.
 *
 * @param slotDurationMillis length of one slot; a block's slot is its timestamp's offset from genesis divided
 *     by this
 * @param expectedProducersPerSlot how many validators win a slot on average (parallel blocks per slot)
 * @param epochSlots slots per epoch; the VRF seed of an epoch is fixed from blocks of earlier epochs
 */
public record ProposerParameters(long slotDurationMillis, int expectedProducersPerSlot, long epochSlots) {

  /** One-second slots, five producers per slot, one-hour epochs. */
  public static final ProposerParameters DEFAULT = new ProposerParameters(1_000, 5, 3_600);

  public ProposerParameters {
    if (slotDurationMillis < 1) {
      throw new IllegalArgumentException("slot duration must be positive: " + slotDurationMillis);
    }
    if (expectedProducersPerSlot < 1) {
      throw new IllegalArgumentException("expected producers per slot must be at least 1: "
          + expectedProducersPerSlot);
    }
    if (epochSlots < 1) {
      throw new IllegalArgumentException("epoch length must be at least one slot: " + epochSlots);
    }
  }
}
