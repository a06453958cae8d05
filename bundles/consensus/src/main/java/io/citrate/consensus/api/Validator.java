package io.citrate.consensus.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.vrf.VrfPublicKey;
import java.util.Objects;

/**
 * A block producer as the proposer lottery sees it.
 *
 * @param address the account that registered the stake and signs the validator's blocks
 * @param vrfKey the key its slot proofs verify under; registered with the stake, before any slot seed it
 *     will be used with is known, so it cannot be chosen to suit a seed
 * @param stake bonded stake; zero for a validator that has unbonded and may not produce
 */
public record Validator(Address address, VrfPublicKey vrfKey, Wei stake) {
  public Validator {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(vrfKey, "vrfKey");
    Objects.requireNonNull(stake, "stake");
  }
}
