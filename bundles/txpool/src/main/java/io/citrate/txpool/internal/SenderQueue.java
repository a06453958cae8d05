package io.citrate.txpool.internal;

import io.citrate.core.api.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sender's transactions by nonce, with the account's nonce and balance at the head. The first
 * {@link #pendingCount} transactions are pending: consecutive nonces from the account nonce whose summed cost
 * the balance covers. Not thread-safe: the pool guards it.
 */
final class SenderQueue {
  final Address sender;
  final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>(Long::compareUnsigned);
  long accountNonce;
  BigInteger balance;
  int pendingCount;

  SenderQueue(Address sender, long accountNonce, BigInteger balance) {
    this.sender = sender;
    this.accountNonce = accountNonce;
    this.balance = balance;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  PooledTransaction tail() {
    Map.Entry<Long, PooledTransaction> last = byNonce.lastEntry();
    return last == null ? null : last.getValue();
  }

  PooledTransaction get(long nonce) {
    return byNonce.get(nonce);
  }

  /** Takes the account's state at the head and returns the transactions whose nonce it has used, removed. */
  List<PooledTransaction> advanceTo(long nonce, BigInteger balance) {
    this.accountNonce = nonce;
    this.balance = balance;
    List<PooledTransaction> stale = new ArrayList<>();
    while (!byNonce.isEmpty() && Long.compareUnsigned(byNonce.firstKey(), nonce) < 0) {
      stale.add(byNonce.pollFirstEntry().getValue());
    }
    return stale;
  }

  /** Marks each transaction pending or queued and sets {@link #pendingCount}. */
  void reclassify() {
    long expected = accountNonce;
    BigInteger spent = BigInteger.ZERO;
    boolean executable = true;
    int pending = 0;
    for (PooledTransaction pooled : byNonce.values()) {
      if (executable) {
        spent = spent.add(pooled.cost);
        executable = pooled.nonce == expected && spent.compareTo(balance) <= 0;
        expected++;
      }
      pooled.pending = executable;
      if (executable) {
        pending++;
      }
    }
    pendingCount = pending;
  }

  /**
   * True when the next nonce after the pending ones is here but queued, so only funds hold it back. A queue
   * waiting for a nonce instead changes only through its sender's own transactions.
   */
  boolean waitsForFunds() {
    return pendingCount < byNonce.size() && byNonce.containsKey(accountNonce + pendingCount);
  }
}
