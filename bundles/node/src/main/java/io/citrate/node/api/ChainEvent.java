package io.citrate.node.api;

import io.citrate.core.api.Hash;
import java.util.List;
import java.util.Objects;

/** What the node publishes on its events topic after a commit, for RPC subscriptions and other bundles. */
public sealed interface ChainEvent {

  /**
   * The selected chain moved: {@code removed} chain blocks (highest first) left it, {@code added} ones (lowest
   * first) joined it, and {@code head} is its new end. To Ethereum clients a new head, or a reorganisation when
   * anything was removed.
   */
  record HeadChanged(List<Hash> removed, List<Hash> added, Hash head, long headNumber) implements ChainEvent {
    public HeadChanged {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
      Objects.requireNonNull(head, "head");
    }
  }

  /** The pool took {@code transaction} (journaled, waiting for a block): a pending transaction to clients. */
  record TransactionPending(Hash transaction) implements ChainEvent {
    public TransactionPending {
      Objects.requireNonNull(transaction, "transaction");
    }
  }

  /** A block was committed to the DAG, on the selected chain or not. */
  record BlockCommitted(Hash block) implements ChainEvent {
    public BlockCommitted {
      Objects.requireNonNull(block, "block");
    }
  }
}
