package io.citrate.txpool.internal;

import io.citrate.core.api.Wei;
import java.util.Objects;

/**
 * The pool's limits, immutable. {@link #DEFAULT} is what a node runs with no configuration.
 *
 * @param capacity most transactions held, pending and queued together
 * @param maxBytes most encoded bytes held
 * @param senderCapacity most transactions held for one sender
 * @param nonceWindow how far a nonce may be ahead of the account nonce ({@code nonce - accountNonce < nonceWindow})
 * @param maxTransactionSize most bytes of one encoded transaction
 * @param minTip least priority fee per gas (gas price for legacy and access list transactions)
 * @param priceBumpPercent how much a replacement must raise both fee cap and tip, in percent
 * @param allowUnprotected whether legacy transactions without an EIP-155 chain id are accepted
 */
public record PoolSettings(int capacity, long maxBytes, int senderCapacity, int nonceWindow, int maxTransactionSize,
    Wei minTip, int priceBumpPercent, boolean allowUnprotected) {
  static final int DEFAULT_CAPACITY = 10_240;
  /** 32 MiB: with the objects around them, a full pool of large transactions stays near 100 MB of heap. */
  static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
  static final int DEFAULT_SENDER_CAPACITY = 64;
  static final int DEFAULT_NONCE_WINDOW = 64;
  /** 128 KiB, as geth: enough for any contract creation within EIP-3860's initcode limit. */
  static final int DEFAULT_MAX_TRANSACTION_SIZE = 128 * 1024;
  static final int DEFAULT_PRICE_BUMP_PERCENT = 10;

  public static final PoolSettings DEFAULT = new PoolSettings(DEFAULT_CAPACITY, DEFAULT_MAX_BYTES, DEFAULT_SENDER_CAPACITY,
      DEFAULT_NONCE_WINDOW, DEFAULT_MAX_TRANSACTION_SIZE, Wei.ZERO, DEFAULT_PRICE_BUMP_PERCENT, false);

  public PoolSettings {
    Objects.requireNonNull(minTip, "minTip");
    require(capacity >= 1, "capacity must be at least 1: " + capacity);
    require(maxBytes >= 1, "max.bytes must be at least 1: " + maxBytes);
    require(senderCapacity >= 1, "sender.capacity must be at least 1: " + senderCapacity);
    require(nonceWindow >= 1, "nonce.window must be at least 1: " + nonceWindow);
    require(maxTransactionSize >= 1, "max.transaction.size must be at least 1: " + maxTransactionSize);
    require(priceBumpPercent >= 0, "price.bump.percent must not be negative: " + priceBumpPercent);
  }

  /** @throws IllegalArgumentException if a value is out of range, naming its configuration key */
  static PoolSettings of(TransactionPoolConfiguration configuration) {
    if (configuration.min_tip() < 0) {
      throw new IllegalArgumentException("min.tip must not be negative: " + configuration.min_tip());
    }
    return new PoolSettings(configuration.capacity(), configuration.max_bytes(), configuration.sender_capacity(),
        configuration.nonce_window(), configuration.max_transaction_size(), Wei.of(configuration.min_tip()),
        configuration.price_bump_percent(), configuration.allow_unprotected());
  }

  public PoolSettings withCapacity(int capacity, long maxBytes) {
    return new PoolSettings(capacity, maxBytes, senderCapacity, nonceWindow, maxTransactionSize, minTip,
        priceBumpPercent, allowUnprotected);
  }

  public PoolSettings withSenderCapacity(int senderCapacity, int nonceWindow) {
    return new PoolSettings(capacity, maxBytes, senderCapacity, nonceWindow, maxTransactionSize, minTip,
        priceBumpPercent, allowUnprotected);
  }

  public PoolSettings withMinTip(Wei minTip) {
    return new PoolSettings(capacity, maxBytes, senderCapacity, nonceWindow, maxTransactionSize, minTip,
        priceBumpPercent, allowUnprotected);
  }

  public PoolSettings withAllowUnprotected(boolean allowUnprotected) {
    return new PoolSettings(capacity, maxBytes, senderCapacity, nonceWindow, maxTransactionSize, minTip,
        priceBumpPercent, allowUnprotected);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
