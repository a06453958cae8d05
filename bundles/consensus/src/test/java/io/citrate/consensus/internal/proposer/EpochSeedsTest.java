package io.citrate.consensus.internal.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.internal.store.ChainRandomness;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EpochSeedsTest {
  private static final Hash GENESIS = Hash.fromHex("0x" + "9d".repeat(32));

  @Test
  void genesisEpochsAreSeededByTheGenesisHash() {
    ChainRandomness genesis = EpochSeeds.genesis(GENESIS);
    Hash start = Keccak256.hash(GENESIS.toArray());
    assertThat(EpochSeeds.seed(genesis, 0)).isEqualTo(Keccak256.hash(start.toArray(), epochBytes(0)));
    assertThat(EpochSeeds.seed(genesis, 1)).isEqualTo(Keccak256.hash(start.toArray(), epochBytes(1)));

    ChainRandomness inEpochZero = EpochSeeds.extend(genesis, 0, output(1));
    ChainRandomness inEpochOne = EpochSeeds.extend(inEpochZero, 1, output(2));
    assertThat(EpochSeeds.seed(inEpochZero, 0)).isEqualTo(EpochSeeds.seed(genesis, 0));
    assertThat(EpochSeeds.seed(inEpochZero, 1)).isEqualTo(EpochSeeds.seed(genesis, 1));
    assertThat(EpochSeeds.seed(inEpochOne, 1)).isEqualTo(EpochSeeds.seed(genesis, 1));
    assertThat(EpochSeeds.seed(inEpochZero, 2))
        .as("epoch 2 is the first seeded by a block other than genesis")
        .isEqualTo(Keccak256.hash(inEpochZero.accumulated().toArray(), epochBytes(2)));
  }

  @Test
  void blocksOfTheEpochBeforeCannotChangeASeed() {
    ChainRandomness endOfEpochOne = EpochSeeds.extend(EpochSeeds.genesis(GENESIS), 1, output(1));
    ChainRandomness honest = EpochSeeds.extend(endOfEpochOne, 2, output(2));
    ChainRandomness other = EpochSeeds.extend(EpochSeeds.extend(endOfEpochOne, 2, output(3)), 2, output(4));

    assertThat(other.accumulated()).isNotEqualTo(honest.accumulated());
    assertThat(EpochSeeds.seed(other, 3)).isEqualTo(EpochSeeds.seed(honest, 3));
    assertThat(EpochSeeds.seed(other, 4)).isNotEqualTo(EpochSeeds.seed(honest, 4));
  }

  @Test
  void epochsWithoutBlocksCostNothing() {
    ChainRandomness block = EpochSeeds.extend(EpochSeeds.genesis(GENESIS), 3, output(1));
    long farEpoch = 1_000_000_000_000L;

    assertThat(EpochSeeds.seed(block, farEpoch))
        .isEqualTo(Keccak256.hash(block.accumulated().toArray(), epochBytes(farEpoch)));
    ChainRandomness far = EpochSeeds.extend(block, farEpoch, output(2));
    assertThat(far.throughPreviousEpoch()).isEqualTo(block.accumulated());
    assertThat(far.throughEpochBeforePrevious()).isEqualTo(block.accumulated());
  }

  @Test
  void anEpochBeforeTheSelectedParentsIsRefused() {
    ChainRandomness block = EpochSeeds.extend(EpochSeeds.genesis(GENESIS), 3, output(1));
    assertThatThrownBy(() -> EpochSeeds.seed(block, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the selected parent's epoch 3");
    assertThatThrownBy(() -> EpochSeeds.extend(block, 2, output(2))).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The records give, for every block of a chain, the seed the rule defines: keccak of the accumulated
   * randomness of the last earlier chain block at least two epochs back, found here by walking the chain.
   */
  @Property(tries = 300)
  void recordsGiveTheSeedOfTheRuleOnAnyChain(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 3) Integer> epochSteps,
      @ForAll @Size(40) List<@IntRange(min = 0, max = 255) Integer> outputs) {
    List<Long> epochs = new ArrayList<>(List.of(0L));
    List<Hash> accumulated = new ArrayList<>(List.of(Keccak256.hash(GENESIS.toArray())));
    ChainRandomness tip = EpochSeeds.genesis(GENESIS);
    for (int i = 0; i < epochSteps.size(); i++) {
      long epoch = epochs.get(epochs.size() - 1) + epochSteps.get(i);
      Hash expectedSeed = Keccak256.hash(lastAtOrBefore(epochs, accumulated, epoch - 2).toArray(), epochBytes(epoch));
      assertThat(EpochSeeds.seed(tip, epoch)).as("block %d, epoch %d", i + 1, epoch).isEqualTo(expectedSeed);

      Hash output = output(outputs.get(i));
      tip = EpochSeeds.extend(tip, epoch, output);
      accumulated.add(Keccak256.hash(accumulated.get(accumulated.size() - 1).toArray(), output.toArray()));
      epochs.add(epoch);
      assertThat(tip.epoch()).isEqualTo(epoch);
      assertThat(tip.accumulated()).isEqualTo(accumulated.get(accumulated.size() - 1));
    }
  }

  /** The accumulated randomness of the last chain block of an epoch no later than {@code epoch}; else genesis's. */
  private static Hash lastAtOrBefore(List<Long> epochs, List<Hash> accumulated, long epoch) {
    for (int i = epochs.size() - 1; i > 0; i--) {
      if (epochs.get(i) <= epoch) {
        return accumulated.get(i);
      }
    }
    return accumulated.get(0);
  }

  private static Hash output(int seed) {
    return Keccak256.hash(new byte[] {(byte) seed});
  }

  private static byte[] epochBytes(long epoch) {
    return ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
  }
}
