package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_newBlockFilter}: installs a filter whose polls answer the hashes of blocks joining the selected chain. */
public final class EthNewBlockFilter implements JsonRpcMethod {
  private final Filters filters;

  public EthNewBlockFilter(Filters filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return filters.install(Filters.Kind.BLOCKS, null);
  }
}
