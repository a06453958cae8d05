package io.citrate.txpool.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The pool's limits and prices, PID {@code io.citrate.txpool}; every attribute has a default. */
@ObjectClassDefinition(
    name = "Citrate transaction pool",
    description = "How many transactions the pool holds, per sender and in all, and what they must pay to enter or replace one.")
public @interface TransactionPoolConfiguration {

  @AttributeDefinition(
      name = "Capacity",
      description = "Most transactions held, pending and queued together; when full, a better-paying transaction evicts the cheapest.",
      min = "1")
  int capacity() default PoolSettings.DEFAULT_CAPACITY;

  @AttributeDefinition(
      name = "Byte capacity",
      description = "Most encoded bytes held in all; evicts the cheapest like the capacity.",
      min = "1")
  long max_bytes() default PoolSettings.DEFAULT_MAX_BYTES;

  @AttributeDefinition(
      name = "Per-sender capacity",
      description = "Most transactions held for one sender.",
      min = "1")
  int sender_capacity() default PoolSettings.DEFAULT_SENDER_CAPACITY;

  @AttributeDefinition(
      name = "Nonce window",
      description = "How far ahead of its account nonce a sender's transaction may be; further is refused as nonce too high.",
      min = "1")
  int nonce_window() default PoolSettings.DEFAULT_NONCE_WINDOW;

  @AttributeDefinition(
      name = "Largest transaction",
      description = "Most bytes one encoded transaction may have.",
      min = "1")
  int max_transaction_size() default PoolSettings.DEFAULT_MAX_TRANSACTION_SIZE;

  @AttributeDefinition(
      name = "Minimum tip",
      description = "Least priority fee per gas (the gas price for legacy transactions), in wei.",
      min = "0")
  long min_tip() default 0;

  @AttributeDefinition(
      name = "Price bump",
      description = "Percent by which a replacement must raise both the fee cap and the tip of the transaction it replaces.",
      min = "0")
  int price_bump_percent() default PoolSettings.DEFAULT_PRICE_BUMP_PERCENT;

  @AttributeDefinition(
      name = "Allow unprotected",
      description = "Accept legacy transactions signed without a chain id (no EIP-155 replay protection).")
  boolean allow_unprotected() default false;
}
