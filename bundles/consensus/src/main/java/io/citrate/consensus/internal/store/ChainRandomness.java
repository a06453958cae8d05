package io.citrate.consensus.internal.store;

import io.citrate.core.api.Hash;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a block's children need to know of the randomness on its selected chain to derive their epoch
 * seeds (the rule is in {@code internal.proposer.EpochSeeds}). Written once per block; encoded as the
 * fixed 104 bytes {@code epoch (8, big-endian) || accumulated || throughPreviousEpoch ||
 * throughEpochBeforePrevious}.
 *
 * @param epoch the epoch of the block's slot (genesis: 0)
 * @param accumulated the randomness accumulated along the selected chain up to and including the block
 * @param throughPreviousEpoch {@code accumulated} of the last selected-chain block of an epoch before
 *     {@code epoch}
 * @param throughEpochBeforePrevious {@code accumulated} of the last selected-chain block of an epoch at
 *     least two before {@code epoch}
 */
public record ChainRandomness(long epoch, Hash accumulated, Hash throughPreviousEpoch,
    Hash throughEpochBeforePrevious) {
  static final int ENCODED_SIZE = Long.BYTES + 3 * Hash.SIZE;

  public ChainRandomness {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative: " + epoch);
    }
    Objects.requireNonNull(accumulated, "accumulated");
    Objects.requireNonNull(throughPreviousEpoch, "throughPreviousEpoch");
    Objects.requireNonNull(throughEpochBeforePrevious, "throughEpochBeforePrevious");
  }

  public byte[] encode() {
    return ByteBuffer.allocate(ENCODED_SIZE)
        .putLong(epoch)
        .put(accumulated.unsafeBytes())
        .put(throughPreviousEpoch.unsafeBytes())
        .put(throughEpochBeforePrevious.unsafeBytes())
        .array();
  }

  /** @throws IllegalArgumentException when {@code encoded} is not an encoding made by {@link #encode()} */
  public static ChainRandomness decode(byte[] encoded) {
    if (encoded.length != ENCODED_SIZE) {
      throw new IllegalArgumentException("chain randomness is " + ENCODED_SIZE + " bytes, got " + encoded.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    return new ChainRandomness(buffer.getLong(), readHash(buffer), readHash(buffer), readHash(buffer));
  }

  private static Hash readHash(ByteBuffer buffer) {
    byte[] bytes = new byte[Hash.SIZE];
    buffer.get(bytes);
    return Hash.wrapUnsafe(bytes);
  }
}
