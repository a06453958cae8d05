package io.citrate.txpool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.api.PoolStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What must hold of a pool between any two calls, checked through its api and its bounds. */
final class PoolInvariants {
  private PoolInvariants() {}

  static void check(TransactionPoolService pool, TestPoolState state) {
    PoolSettings settings = pool.settings();
    PoolStatus status = pool.status();
    List<Transaction> pending = pool.pending();
    List<Transaction> queued = pool.queued();
    assertThat(status.pending()).isEqualTo(pending.size());
    assertThat(status.queued()).isEqualTo(queued.size());
    assertThat(status.size()).isLessThanOrEqualTo(settings.capacity());
    assertThat(status.bytes()).isLessThanOrEqualTo(settings.maxBytes());
    long bytes = 0;
    for (Transaction transaction : pending) {
      bytes += transaction.encoded().length;
      assertThat(pool.contains(transaction.hash())).isTrue();
    }
    for (Transaction transaction : queued) {
      bytes += transaction.encoded().length;
      assertThat(pool.contains(transaction.hash())).isTrue();
    }
    assertThat(status.bytes()).isEqualTo(bytes);

    Map<Address, List<Transaction>> pendingBySender = bySender(pending);
    for (Map.Entry<Address, List<Transaction>> entry : pendingBySender.entrySet()) {
      long nonce = state.nonce(entry.getKey());
      for (Transaction transaction : entry.getValue()) {
        assertThat(transaction.nonce()).as("pending nonces run on from the account nonce").isEqualTo(nonce++);
      }
      assertThat(pool.nextNonce(entry.getKey())).isEqualTo(nonce);
    }
    Map<Address, List<Transaction>> all = bySender(pending);
    bySender(queued).forEach((sender, transactions) -> all.computeIfAbsent(sender, s -> new ArrayList<>())
        .addAll(transactions));
    all.values().forEach(transactions -> assertThat(transactions).hasSizeLessThanOrEqualTo(settings.senderCapacity()));
    assertThat(pool.senderCount()).isEqualTo(all.size());
    assertThat(pool.evictionIndexSize()).isEqualTo(all.size());
  }

  private static Map<Address, List<Transaction>> bySender(List<Transaction> transactions) {
    Map<Address, List<Transaction>> bySender = new LinkedHashMap<>();
    for (Transaction transaction : transactions) {
      bySender.computeIfAbsent(transaction.sender(), s -> new ArrayList<>()).add(transaction);
    }
    return bySender;
  }
}
