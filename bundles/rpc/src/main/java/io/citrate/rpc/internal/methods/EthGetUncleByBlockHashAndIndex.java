package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getUncleByBlockHashAndIndex}: blocks have no uncles on a DAG (parallel blocks are merged), so the answer
 * to valid parameters is always null.
 */
public final class EthGetUncleByBlockHashAndIndex implements JsonRpcMethod {

  @Override
  public String name() {
    return "eth_getUncleByBlockHashAndIndex";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Quantities.hash(request.required(0), "block hash");
    Quantities.index(request.required(1), "uncle index");
    return null;
  }
}
