package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.api.SlotInput;
import io.citrate.core.api.Hash;
import io.citrate.core.api.vrf.Ecvrf;
import io.citrate.core.api.vrf.InvalidVrfProofException;
import io.citrate.core.api.vrf.VrfProof;
import io.citrate.core.api.vrf.VrfPublicKey;

/**
 * A block's VRF proof verified ahead of the serial stage, on the slot input its block most likely has: the
 * seed of the sink's chain, which nearly every new block shares because a seed is fixed a whole epoch ahead.
 * The verdict stands in for the real check only when the real check asks about the same key and the same
 * input, so it can save work but never change an outcome.
 */
public final class SpeculativeProof {
  private final VrfPublicKey key;
  private final SlotInput input;
  private final Hash output;
  private final InvalidVrfProofException failure;

  private SpeculativeProof(VrfPublicKey key, SlotInput input, Hash output, InvalidVrfProofException failure) {
    this.key = key;
    this.input = input;
    this.output = output;
    this.failure = failure;
  }

  /** Verifies {@code proof} under {@code key} on {@code input}, keeping the output or the failure. */
  public static SpeculativeProof verify(VrfPublicKey key, SlotInput input, byte[] proof) {
    try {
      return new SpeculativeProof(key, input, verifyNow(key, input, proof), null);
    } catch (InvalidVrfProofException e) {
      return new SpeculativeProof(key, input, null, e);
    }
  }

  /** A verifier that answers from this verdict when asked the same question, and verifies otherwise. */
  public ProposerLottery.ProofVerifier orElseVerify(byte[] proof) {
    return (askedKey, askedInput) -> {
      if (!key.equals(askedKey) || !input.equals(askedInput)) {
        return verifyNow(askedKey, askedInput, proof);
      }
      if (failure != null) {
        throw failure;
      }
      return output;
    };
  }

  static Hash verifyNow(VrfPublicKey key, SlotInput input, byte[] proof) {
    return Hash.wrapUnsafe(Ecvrf.verify(key, input.alpha(), VrfProof.fromBytes(proof)));
  }
}
