package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import java.util.List;

/** What processing one block did. */
public sealed interface BlockOutcome {

  Hash block();

  /** Stored as valid; the selected chain moved by {@code chainChange}. */
  record Accepted(Hash block, GhostdagData ghostdag, ChainChange chainChange) implements BlockOutcome {}

  /** Held until its missing parents have been processed. */
  record Orphaned(Hash block, List<Hash> missingParents) implements BlockOutcome {
    public Orphaned {
      missingParents = List.copyOf(missingParents);
    }
  }

  /** Already known (valid, or waiting as an orphan); nothing changed. */
  record Duplicate(Hash block) implements BlockOutcome {}

  /** Broke a rule; recorded as invalid, nothing else changed. */
  record Rejected(Hash block, RuleViolation violation) implements BlockOutcome {}
}
