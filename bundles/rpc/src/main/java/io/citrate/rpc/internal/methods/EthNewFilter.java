package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_newFilter}: installs a filter whose polls answer the matching logs of blocks joining the selected chain,
 * and of those a reorganisation removes as {@code removed}; {@code eth_getFilterLogs} answers its whole range.
 */
public final class EthNewFilter implements JsonRpcMethod {
  private final Filters filters;

  public EthNewFilter(Filters filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    LogQuery query = LogQuery.parse(request.required(0));
    if (query.blockHash().isPresent()) {
      throw JsonRpcException.invalidParams(
          "filter: blockHash is for eth_getLogs; a filter takes fromBlock and toBlock");
    }
    if (query.fromBlock() instanceof BlockParameter.Numbered from
        && query.toBlock() instanceof BlockParameter.Numbered to && from.number() > to.number()) {
      throw JsonRpcException.invalidParams("invalid block range");
    }
    return filters.install(Filters.Kind.LOGS, query);
  }
}
