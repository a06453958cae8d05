package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.api.SlotInput;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.vrf.Ecvrf;
import io.citrate.core.api.vrf.InvalidVrfProofException;
import io.citrate.core.api.vrf.VrfProof;
import io.citrate.core.api.vrf.VrfPublicKey;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The stake-weighted proposer lottery. A validator may produce a block in a slot when its VRF output beta
 * on the slot's {@link SlotInput}, read as an unsigned 256-bit integer, satisfies
 *
 * <pre>
 *   beta * totalStake  <  stake * expectedProducersPerSlot * 2^256
 * </pre>
 *
 * that is, beta / 2^256 < stake * expectedProducersPerSlot / totalStake, compared exactly in integers so
 * every node reaches the same verdict. Each validator wins a slot with probability
 * min(1, stake * expectedProducersPerSlot / totalStake), independently of the others, so about
 * expectedProducersPerSlot validators win each slot and their blocks are parallel blocks of the DAG.
 *
 * <p>The probability clamps at 1 without a special case: beta is below 2^256, so when
 * stake * expectedProducersPerSlot >= totalStake the left side is below the right for every beta. A devnet's
 * single validator, holding all stake, therefore wins every slot.
 */
public final class ProposerLottery {
  private static final int OUTPUT_BITS = 256;

  private final BigInteger expectedProducersPerSlot;

  /** @throws IllegalArgumentException if {@code expectedProducersPerSlot} is below 1 */
  public ProposerLottery(int expectedProducersPerSlot) {
    if (expectedProducersPerSlot < 1) {
      throw new IllegalArgumentException("expected producers per slot must be at least 1: " + expectedProducersPerSlot);
    }
    this.expectedProducersPerSlot = BigInteger.valueOf(expectedProducersPerSlot);
  }

  /** Checks a proof's claimed output for a validator's key on a slot input, or says why it is invalid. */
  @FunctionalInterface
  public interface ProofVerifier {
    Hash verify(VrfPublicKey key, SlotInput slot);
  }

  /** Checks a claim that {@code validator} may produce in {@code slot}, for a proof as a block carries it. */
  public SlotEligibility checkEligibility(Address validator, StakeDistribution stakes, SlotInput slot, byte[] proof) {
    return checkEligibility(validator, stakes, slot, (key, input) -> SpeculativeProof.verifyNow(key, input, proof));
  }

  /** Checks a claim that {@code validator} may produce in {@code slot} with an already decoded proof. */
  public SlotEligibility checkEligibility(Address validator, StakeDistribution stakes, SlotInput slot, VrfProof proof) {
    return checkEligibility(validator, stakes, slot,
        (key, input) -> Hash.wrapUnsafe(Ecvrf.verify(key, input.alpha(), proof)));
  }

  /**
   * Checks a claim that {@code validator} may produce in {@code slot}, verifying its proof with
   * {@code verifier} (which throws {@link InvalidVrfProofException} for an invalid proof).
   */
  public SlotEligibility checkEligibility(Address validator, StakeDistribution stakes, SlotInput slot,
      ProofVerifier verifier) {
    Optional<Validator> found = stakes.find(validator);
    if (found.isEmpty()) {
      return new SlotEligibility.UnknownValidator(validator);
    }
    Validator registered = found.get();
    if (registered.stake().isZero()) {
      return new SlotEligibility.ZeroStake(validator);
    }
    Hash output;
    try {
      // Decoding and verifying come last: they cost curve arithmetic, the checks above a map lookup.
      output = verifier.verify(registered.vrfKey(), slot);
    } catch (InvalidVrfProofException e) {
      return new SlotEligibility.BadProof(validator, e.getMessage());
    }
    if (!wins(output, registered.stake(), stakes.totalStake())) {
      return new SlotEligibility.NotEligible(validator, output);
    }
    return new SlotEligibility.Eligible(registered, output);
  }

  /** The lottery rule itself: beta * totalStake < stake * expectedProducersPerSlot * 2^256. */
  boolean wins(Hash output, Wei stake, Wei totalStake) {
    BigInteger beta = new BigInteger(1, output.unsafeBytes());
    BigInteger scaledOutput = beta.multiply(totalStake.toBigInteger());
    BigInteger threshold = stake.toBigInteger().multiply(expectedProducersPerSlot).shiftLeft(OUTPUT_BITS);
    return scaledOutput.compareTo(threshold) < 0;
  }
}
