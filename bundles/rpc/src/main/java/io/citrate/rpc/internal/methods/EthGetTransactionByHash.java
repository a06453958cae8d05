package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.Node;
import io.citrate.node.api.TransactionLocation;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.txpool.api.TransactionPool;
import java.util.Optional;

/**
 * {@code eth_getTransactionByHash}: a transaction the selected chain accepted, with its block; one the pool holds, with
 * null block fields; null for one neither knows.
 */
public final class EthGetTransactionByHash implements JsonRpcMethod {
  private final Node node;
  private final TransactionPool pool;

  public EthGetTransactionByHash(Node node, TransactionPool pool) {
    this.node = node;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Hash hash = Quantities.hash(request.required(0), "transaction hash");
    Optional<TransactionLocation> location = node.transactionLocation(hash);
    if (location.isPresent()) {
      Optional<BlockAcceptance> block = node.acceptance(location.get().chainBlock());
      if (block.isPresent()) {
        return EthObjects.transaction(block.get().transactions().get(location.get().index()), block.get());
      }
    }
    return pool.get(hash).map(EthObjects::pendingTransaction).orElse(null);
  }
}
