package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.txpool.api.TransactionPool;

/**
 * {@code txpool_content}: every transaction the pool holds, {@code {pending: {sender: {nonce: transaction}},
 * queued: {...}}}, each transaction as {@code eth_getTransactionByHash} writes a pending one.
 */
public final class TxpoolContent implements JsonRpcMethod {
  private final TransactionPool pool;

  public TxpoolContent(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_content";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return PoolListing.of(pool, EthObjects::pendingTransaction);
  }
}
