package io.citrate.consensus.internal.proposer;

import io.citrate.consensus.api.Validator;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;

/** The lottery's verdict on a claimed slot: eligible, or one of a closed set of reasons it is not. */
public sealed interface SlotEligibility {

  /** One line for operators and peers. */
  String message();

  default boolean isEligible() {
    return this instanceof Eligible;
  }

  /** The validator won the slot with this VRF output. */
  record Eligible(Validator validator, Hash output) implements SlotEligibility {
    public String message() {
      return "validator " + validator.address() + " is eligible for the slot";
    }
  }

  record UnknownValidator(Address validator) implements SlotEligibility {
    public String message() {
      return "validator " + validator + " is not in the stake distribution";
    }
  }

  record ZeroStake(Address validator) implements SlotEligibility {
    public String message() {
      return "validator " + validator + " has no stake";
    }
  }

  record BadProof(Address validator, String detail) implements SlotEligibility {
    public String message() {
      return "slot proof of validator " + validator + " is invalid: " + detail;
    }
  }

  /** A valid proof whose output is not below the validator's stake threshold. */
  record NotEligible(Address validator, Hash output) implements SlotEligibility {
    public String message() {
      return "validator " + validator + " did not win the slot (VRF output " + output + ")";
    }
  }
}
