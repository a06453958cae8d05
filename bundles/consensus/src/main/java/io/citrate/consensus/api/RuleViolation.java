package io.citrate.consensus.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import java.math.BigInteger;

/**
 * Why a block breaks a consensus rule. A closed set: every rejection the pipeline makes is one of these,
 * with the values that explain it.
 */
public sealed interface RuleViolation {

  /** One line for operators and peers. */
  String message();

  /** The block's bytes are not a well-formed header. */
  record Malformed(String detail) implements RuleViolation {
    public String message() {
      return "malformed block: " + detail;
    }
  }

  record UnsupportedVersion(long version, long supported) implements RuleViolation {
    public String message() {
      return "header version " + version + " is not supported (expected " + supported + ")";
    }
  }

  record NoParents() implements RuleViolation {
    public String message() {
      return "a block other than genesis must name at least one parent";
    }
  }

  record TooManyParents(int count, int limit) implements RuleViolation {
    public String message() {
      return count + " parents exceed the limit of " + limit;
    }
  }

  record TimestampInFuture(long timestamp, long latestAccepted) implements RuleViolation {
    public String message() {
      return "timestamp " + timestamp + " is after the latest acceptable " + latestAccepted;
    }
  }

  record MissingSignature() implements RuleViolation {
    public String message() {
      return "the block is not signed by its producer";
    }
  }

  record BadSignature(String detail) implements RuleViolation {
    public String message() {
      return "producer signature does not verify: " + detail;
    }
  }

  record InvalidParent(Hash parent) implements RuleViolation {
    public String message() {
      return "parent " + parent + " is invalid";
    }
  }

  record MergesetTooLarge(int limit) implements RuleViolation {
    public String message() {
      return "the mergeset exceeds the limit of " + limit + " blocks";
    }
  }

  record UnexpectedBlueScore(long declared, long computed) implements RuleViolation {
    public String message() {
      return "header declares blue score " + declared + " but GHOSTDAG gives " + computed;
    }
  }

  record UnexpectedBlueWork(BigInteger declared, BigInteger computed) implements RuleViolation {
    public String message() {
      return "header declares blue work " + declared + " but GHOSTDAG gives " + computed;
    }
  }

  record PreviouslyRejected(String reason) implements RuleViolation {
    public String message() {
      return "the block was rejected before: " + reason;
    }
  }

  record RedundantParent(Hash parent, Hash selectedParent) implements RuleViolation {
    public String message() {
      return "parent " + parent + " is already in the past of the selected parent " + selectedParent;
    }
  }

  record TimestampBeforeSelectedParent(long timestamp, long selectedParentTimestamp) implements RuleViolation {
    public String message() {
      return "timestamp " + timestamp + " is before the selected parent's " + selectedParentTimestamp;
    }
  }

  record FinalityViolation(Hash finalityPoint) implements RuleViolation {
    public String message() {
      return "accepting the block would reorganise the selected chain below the finality point " + finalityPoint;
    }
  }

  record TimestampBeforeGenesis(long timestamp, long genesisTimestamp) implements RuleViolation {
    public String message() {
      return "timestamp " + timestamp + " is before genesis at " + genesisTimestamp + ": it falls in no slot";
    }
  }

  record UnknownProducer(Address producer) implements RuleViolation {
    public String message() {
      return "producer " + producer + " is not a validator";
    }
  }

  record ProducerWithoutStake(Address producer) implements RuleViolation {
    public String message() {
      return "producer " + producer + " has no stake";
    }
  }

  record BadVrfProof(Address producer, long slot, String detail) implements RuleViolation {
    public String message() {
      return "the VRF proof of producer " + producer + " does not prove slot " + slot + ": " + detail;
    }
  }

  /** A valid proof whose output is not below the producer's stake threshold. */
  record ProducerNotEligible(Address producer, long slot, Hash vrfOutput) implements RuleViolation {
    public String message() {
      return "producer " + producer + " did not win slot " + slot + " (VRF output " + vrfOutput + ")";
    }
  }

  /**
   * The block's transactions, or the header's commitments to their execution (state root, receipts root,
   * gas, base fee), break an execution rule: the node's {@link ExecutionStage} says which.
   */
  record InvalidExecution(String detail) implements RuleViolation {
    public String message() {
      return "execution: " + detail;
    }
  }
}
