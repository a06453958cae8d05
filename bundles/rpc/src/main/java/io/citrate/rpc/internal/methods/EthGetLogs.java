package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_getLogs}: the logs of a block range or of one block that match an address and topics filter. */
public final class EthGetLogs implements JsonRpcMethod {
  private final LogSearch search;

  public EthGetLogs(LogSearch search) {
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    return search.logs(LogQuery.parse(request.required(0)));
  }
}
