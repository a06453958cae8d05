package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_newPendingTransactionFilter}: installs a filter whose polls answer the hashes of transactions the pool
 * took.
 */
public final class EthNewPendingTransactionFilter implements JsonRpcMethod {
  private final Filters filters;

  public EthNewPendingTransactionFilter(Filters filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newPendingTransactionFilter";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return filters.install(Filters.Kind.PENDING_TRANSACTIONS, null);
  }
}
