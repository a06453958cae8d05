package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.api.ProposerParameters;
import java.util.Objects;

/**
 * Slot and epoch numbers of timestamps: slot 0 starts at the genesis timestamp, each slot lasts
 * {@code slotDurationMillis}, and epoch {@code e} holds slots {@code e * epochSlots} to
 * {@code (e + 1) * epochSlots - 1}.
 */
public record SlotSchedule(long genesisTimestamp, ProposerParameters parameters) {

  public SlotSchedule {
    if (genesisTimestamp < 0) {
      throw new IllegalArgumentException("genesis timestamp must not be negative: " + genesisTimestamp);
    }
    Objects.requireNonNull(parameters, "parameters");
  }

  public boolean isBeforeGenesis(long timestampMillis) {
    return timestampMillis < genesisTimestamp;
  }

  /** @throws IllegalArgumentException for a timestamp before genesis, which falls in no slot */
  public long slotAt(long timestampMillis) {
    if (isBeforeGenesis(timestampMillis)) {
      throw new IllegalArgumentException("timestamp " + timestampMillis + " is before genesis at " + genesisTimestamp);
    }
    return (timestampMillis - genesisTimestamp) / parameters.slotDurationMillis();
  }

  public long epochOf(long slot) {
    return slot / parameters.epochSlots();
  }
}
