package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.TransactionPool;

/** {@code txpool_status}: how many transactions the pool holds, {@code {pending, queued}} as hex quantities. */
public final class TxpoolStatus implements JsonRpcMethod {
  private final TransactionPool pool;

  public TxpoolStatus(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_status";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    PoolStatus status = pool.status();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("pending", Quantities.quantity(status.pending()));
    json.put("queued", Quantities.quantity(status.queued()));
    return json;
  }
}
