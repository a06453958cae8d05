package io.citrate.consensus.internal.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.ProposerParameters;
import org.junit.jupiter.api.Test;

class SlotScheduleTest {
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private final SlotSchedule schedule = new SlotSchedule(GENESIS_TIME, new ProposerParameters(1_000, 5, 10));

  @Test
  void slotsStartAtGenesisAndLastTheSlotDuration() {
    assertThat(schedule.slotAt(GENESIS_TIME)).isZero();
    assertThat(schedule.slotAt(GENESIS_TIME + 999)).isZero();
    assertThat(schedule.slotAt(GENESIS_TIME + 1_000)).isEqualTo(1);
    assertThat(schedule.slotAt(Long.MAX_VALUE)).isEqualTo((Long.MAX_VALUE - GENESIS_TIME) / 1_000);
  }

  @Test
  void epochsHoldEpochSlotsSlots() {
    assertThat(schedule.epochOf(0)).isZero();
    assertThat(schedule.epochOf(9)).isZero();
    assertThat(schedule.epochOf(10)).isEqualTo(1);
  }

  @Test
  void aTimestampBeforeGenesisFallsInNoSlot() {
    assertThat(schedule.isBeforeGenesis(GENESIS_TIME - 1)).isTrue();
    assertThat(schedule.isBeforeGenesis(GENESIS_TIME)).isFalse();
    assertThatThrownBy(() -> schedule.slotAt(GENESIS_TIME - 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before genesis");
  }
}
