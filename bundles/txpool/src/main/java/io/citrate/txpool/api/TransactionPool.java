package io.citrate.txpool.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Transactions waiting for a block, kept per sender in nonce order. A sender's transactions from its account
 * nonce without a gap, as far as its balance covers them, are <em>pending</em> (executable); the rest are
 * <em>queued</em>. The pool holds a bounded number of transactions and bytes: when full, a better-paying
 * transaction evicts the cheapest one, and one that pays no better is refused.
 *
 * <p>Every method is thread-safe. Admission does its expensive work (decoding, sender recovery, reading the
 * account) before it takes the pool's lock.
 */
@ProviderType
public interface TransactionPool {

  /**
   * Validates {@code transaction} against the head's state and the pool's limits and takes it in, as a new
   * nonce or as a replacement. Never throws for a bad transaction: every refusal is a
   * {@link Admission.Rejected} with its reason, and leaves the pool unchanged.
   */
  Admission add(Transaction transaction);

  /**
   * Decodes an EIP-2718 transaction (a legacy RLP list, or a type byte and an RLP list, as
   * {@code eth_sendRawTransaction} carries it) and {@link #add adds} it. Bytes that are not a valid
   * transaction are rejected with the decoder's message, and with a null hash when they cannot be decoded.
   */
  Admission addEncoded(byte[] encoded);

  /**
   * Executable transactions for the next block, best effective tip under the current base fee first; each
   * sender's in nonce order without a gap from its account nonce, all with a fee cap at least the base fee.
   * A transaction whose gas limit does not fit in what is left of {@code gasLimit} is skipped with the rest
   * of its sender's, and filling goes on with other senders'. Nothing is removed from the pool: included
   * transactions leave through {@link #headChanged}.
   */
  List<Transaction> selectForBlock(long gasLimit, int maxTransactions);

  /**
   * Tells the pool that the selected chain moved and the new head's state is committed. Drops
   * {@code accepted} (now executed) and every transaction whose nonce is now used; re-adds
   * {@code reinjected} (transactions of blocks that left the selected chain) that are still valid, without
   * counting them as submissions; then revalidates the senders concerned against the new state, promoting
   * queued transactions whose gap closed and demoting those their balance no longer covers, and orders the
   * pool by the new base fee.
   */
  void headChanged(List<Transaction> accepted, List<Transaction> reinjected);

  Optional<Transaction> get(Hash hash);

  boolean contains(Hash hash);

  /** The pending transactions, by sender address, each sender's in nonce order. */
  List<Transaction> pending();

  /** The queued transactions, by sender address, each sender's in nonce order. */
  List<Transaction> queued();

  PoolStatus status();

  /**
   * The nonce the sender's next transaction should carry: one past its last pending transaction, or its
   * account nonce when it has none pending (what {@code eth_getTransactionCount} answers for "pending").
   */
  long nextNonce(Address sender);
}
