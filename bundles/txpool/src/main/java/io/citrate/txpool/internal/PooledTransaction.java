package io.citrate.txpool.internal;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * A transaction in the pool with what the pool orders it by, computed once outside the pool's lock. The two
 * mutable fields, {@link #effectiveTip} and {@link #pending}, change only under the lock and only while the
 * transaction is out of the eviction index, whose order reads them.
 */
final class PooledTransaction {
  /**
   * Which transaction goes first when the pool is full: queued before pending, then the lowest effective
   * tip, the lowest fee cap, and of equals the latest arrival (earlier arrivals keep their place).
   */
  static final Comparator<PooledTransaction> EVICTION_ORDER = Comparator
      .comparing((PooledTransaction p) -> p.pending)
      .thenComparing(p -> p.effectiveTip)
      .thenComparing(p -> p.feeCap)
      .thenComparing(Comparator.comparingLong((PooledTransaction p) -> p.sequence).reversed());

  final Transaction transaction;
  final Hash hash;
  final Address sender;
  final long nonce;
  final int size;
  final BigInteger feeCap;
  final BigInteger tipCap;
  /** value + gas limit * fee cap: the most it can take from its sender's balance. */
  final BigInteger cost;
  /** Arrival order, unique within a pool. */
  final long sequence;

  /** min(tip cap, fee cap - base fee) at the pool's base fee; negative when the fee cap is below it. */
  BigInteger effectiveTip;
  boolean pending;

  PooledTransaction(Transaction transaction, int size, long sequence) {
    this.transaction = transaction;
    this.hash = transaction.hash();
    this.sender = transaction.sender();
    this.nonce = transaction.nonce();
    this.size = size;
    this.feeCap = transaction.gasFeeCap().toBigInteger();
    this.tipCap = transaction.gasTipCap().toBigInteger();
    this.cost = transaction.value().toBigInteger()
        .add(feeCap.multiply(new BigInteger(Long.toUnsignedString(transaction.gasLimit()))));
    this.sequence = sequence;
  }

  static BigInteger effectiveTip(BigInteger feeCap, BigInteger tipCap, BigInteger baseFee) {
    return tipCap.min(feeCap.subtract(baseFee));
  }

  void price(BigInteger baseFee) {
    effectiveTip = effectiveTip(feeCap, tipCap, baseFee);
  }

  Wei effectiveTipWei() {
    return effectiveTip.signum() < 0 ? Wei.ZERO : Wei.of(effectiveTip);
  }

  @Override
  public String toString() {
    return transaction + (pending ? " pending" : " queued");
  }
}
