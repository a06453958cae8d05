package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_uninstallFilter}: removes a filter; false when there was none with that id. */
public final class EthUninstallFilter implements JsonRpcMethod {
  private final Filters filters;

  public EthUninstallFilter(Filters filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    return filters.uninstall(Filters.id(request.required(0)));
  }
}
