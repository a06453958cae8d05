package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citrate.node.api.BlockReceipts;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code eth_getFilterChanges}: what a filter saw since its previous poll: block hashes, pending transaction hashes,
 * or logs, those of blocks a reorganisation removed again with {@code removed: true}. Logs are read here, not when
 * the blocks arrived, and only from blocks whose header bloom may hold a match.
 */
public final class EthGetFilterChanges implements JsonRpcMethod {
  private final Filters filters;
  private final LogSearch search;

  public EthGetFilterChanges(Filters filters, LogSearch search) {
    this.filters = filters;
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Filters.Poll poll = filters.poll(Filters.id(request.required(0)));
    ArrayNode changes = JsonNodeFactory.instance.arrayNode();
    if (poll.kind() != Filters.Kind.LOGS) {
      poll.changes().forEach(change -> changes.add(change.hash().toHex()));
      return changes;
    }
    LogFilter criteria = poll.query().criteria();
    for (Filters.Change change : poll.changes()) {
      if (search.mayHoldMatches(change.hash(), criteria)) {
        Optional<BlockReceipts> block = search.receipts(change.hash());
        if (block.isPresent() && poll.query().admitsNumber(block.get().number())) {
          LogSearch.appendMatching(changes, block.get(), criteria, change.removed());
        }
      }
    }
    return changes;
  }
}
