package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.internal.store.ChainRandomness;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.nio.ByteBuffer;

/**
 * The epoch seed rule: where the randomness in each slot's VRF input comes from.
 *
 * <p>Every valid block B accumulates the VRF outputs of its selected chain:
 *
 * <pre>
 *   A(genesis) = keccak(genesis hash)
 *   A(B)       = keccak(A(selected parent of B) || beta(B))
 * </pre>
 *
 * where beta(B) is the output of the VRF proof B carries for its slot. The seed a block of epoch e is
 * proved against is
 *
 * <pre>
 *   seed(e) = keccak(A(X) || e as 8 bytes, big-endian)
 * </pre>
 *
 * where X is the last block of an epoch no later than e - 2 on the block's selected-parent chain (its
 * selected parent, that block's selected parent, and so on down to genesis). For epochs 0 and 1 X is
 * genesis.
 *
 * <p>Why this rule:
 *
 * <ul>
 *   <li>The seed of epoch e is fixed once epoch e - 1 begins: a whole epoch lies between the last block
 *       that feeds it and the first slot it decides, so the last producers of an epoch cannot steer the
 *       next epoch's seed, and every validator knows its slots an epoch ahead.
 *   <li>Beta is not the producer's choice: the VRF gives one output per key and slot input, and the slot
 *       input holds no block content, so re-making a block with other transactions, parents or timestamp
 *       leaves A unchanged. A producer can only withhold a block or pick which chain to extend.
 *   <li>A chains every producer's output along the selected chain, so the seed depends on all of them, not
 *       just on the last.
 *   <li>It is a function of the block's selected-parent chain alone, never of the node's sink or of the
 *       order blocks arrived in, so every node derives the same seed for the same block.
 * </ul>
 *
 * <p>Cost is constant per block, however many epochs pass without blocks: each block stores a
 * {@link ChainRandomness} with its epoch, A, and A as of the ends of the two epochs before its own. A block
 * of epoch e reads only its selected parent's record: X's A is the parent's two-epochs-back value when the
 * parent is in epoch e, its previous-epoch value when the parent is in epoch e - 1, and the parent's own A
 * when the parent is older. Epochs never decrease along the selected chain, since a block's timestamp is
 * not before its selected parent's.
 */
public final class EpochSeeds {

  private EpochSeeds() {}

  /** The record of genesis, which stands in for the ends of the epochs before epoch 0. */
  public static ChainRandomness genesis(Hash genesis) {
    Hash start = Keccak256.hash(genesis.unsafeBytes());
    return new ChainRandomness(0, start, start, start);
  }

  /**
   * The seed of {@code epoch} for a block whose selected parent has the record {@code selectedParent}.
   *
   * @throws IllegalArgumentException when {@code epoch} is before the selected parent's
   */
  public static Hash seed(ChainRandomness selectedParent, long epoch) {
    byte[] epochBytes = ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
    return Keccak256.hash(anchor(selectedParent, epoch).unsafeBytes(), epochBytes);
  }

  /**
   * The record of a block of {@code epoch} whose slot proof has output {@code vrfOutput}, on a selected
   * parent with the record {@code selectedParent}.
   *
   * @throws IllegalArgumentException when {@code epoch} is before the selected parent's
   */
  public static ChainRandomness extend(ChainRandomness selectedParent, long epoch, Hash vrfOutput) {
    Hash accumulated = Keccak256.hash(selectedParent.accumulated().unsafeBytes(), vrfOutput.unsafeBytes());
    Hash throughPreviousEpoch = selectedParent.epoch() == epoch
        ? selectedParent.throughPreviousEpoch()
        : selectedParent.accumulated();
    return new ChainRandomness(epoch, accumulated, throughPreviousEpoch, anchor(selectedParent, epoch));
  }

  /** A of the last block of an epoch no later than {@code epoch - 2} on the chain ending in the parent. */
  private static Hash anchor(ChainRandomness selectedParent, long epoch) {
    long epochsAfterParent = epoch - selectedParent.epoch();
    if (epochsAfterParent < 0) {
      throw new IllegalArgumentException("epoch " + epoch + " is before the selected parent's epoch "
          + selectedParent.epoch());
    }
    if (epochsAfterParent == 0) {
      return selectedParent.throughEpochBeforePrevious();
    }
    if (epochsAfterParent == 1) {
      return selectedParent.throughPreviousEpoch();
    }
    return selectedParent.accumulated();
  }
}
