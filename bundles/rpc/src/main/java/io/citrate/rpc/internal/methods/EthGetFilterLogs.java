package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getFilterLogs}: every log a logs filter matches over its block range, as {@code eth_getLogs} would
 * answer.
 */
public final class EthGetFilterLogs implements JsonRpcMethod {
  private final Filters filters;
  private final LogSearch search;

  public EthGetFilterLogs(Filters filters, LogSearch search) {
    this.filters = filters;
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    return search.logs(filters.logQuery(Filters.id(request.required(0))));
  }
}
