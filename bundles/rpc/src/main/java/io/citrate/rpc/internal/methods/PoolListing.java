package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.api.TransactionPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The pool's transactions in the shape geth's {@code txpool_content} and {@code txpool_inspect} share:
 * {@code {pending: {sender: {nonce: entry}}, queued: {...}}}, senders in EIP-55 form in ascending order, nonces in
 * decimal in ascending order.
 */
final class PoolListing {
  private PoolListing() {}

  static ObjectNode of(TransactionPool pool, Function<Transaction, JsonNode> entry) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    // Read queued first: a transaction promoted in between then shows as pending rather than vanish.
    List<Transaction> queued = pool.queued();
    List<Transaction> pending = pool.pending();
    json.set("pending", bySender(pending, entry));
    json.set("queued", bySender(queued, entry));
    return json;
  }

  private static ObjectNode bySender(List<Transaction> transactions, Function<Transaction, JsonNode> entry) {
    Map<Address, List<Transaction>> grouped = new TreeMap<>();
    for (Transaction transaction : transactions) {
      grouped.computeIfAbsent(transaction.sender(), sender -> new ArrayList<>()).add(transaction);
    }
    ObjectNode senders = JsonNodeFactory.instance.objectNode();
    grouped.forEach((sender, own) -> {
      ObjectNode nonces = senders.putObject(sender.toChecksumHex());
      own.stream().sorted(Comparator.comparing(Transaction::nonce, Long::compareUnsigned))
          .forEach(transaction -> nonces.set(Long.toUnsignedString(transaction.nonce()), entry.apply(transaction)));
    });
    return senders;
  }
}
