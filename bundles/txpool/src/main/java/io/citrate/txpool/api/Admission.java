package io.citrate.txpool.api;

import io.citrate.core.api.Hash;
import java.util.Objects;

/** What the pool did with a submitted transaction. */
public sealed interface Admission {

  /** The transaction's hash; null only for a {@link Rejected} submission whose bytes could not be decoded. */
  Hash hash();

  /** True when the transaction is in the pool now. */
  default boolean isAccepted() {
    return !(this instanceof Rejected);
  }

  /**
   * Taken into the pool as a new nonce of its sender.
   *
   * @param pending true when it is executable now (no nonce gap before it and its sender's balance covers it),
   *     false when it waits in the queue
   */
  record Added(Hash hash, boolean pending) implements Admission {
    public Added {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * Taken into the pool in place of the transaction with the same sender and nonce, which it outbid by the
   * configured price bump.
   */
  record Replaced(Hash hash, Hash replaced) implements Admission {
    public Replaced {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(replaced, "replaced");
    }
  }

  /**
   * Refused; the pool is unchanged.
   *
   * @param hash the transaction's hash, or null when the submitted bytes are not a transaction
   * @param message the reason's description followed by the detail of this case
   */
  record Rejected(Hash hash, RejectionReason reason, String message) implements Admission {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** A rejection whose message is the reason's description, a colon and {@code detail}. */
    public static Rejected of(Hash hash, RejectionReason reason, String detail) {
      return new Rejected(hash, reason, reason.description() + ": " + detail);
    }
  }
}
