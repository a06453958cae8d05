package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code net_listening}: whether the node accepts connections. It answers only while its endpoint serves, so the
 * answer is always {@code true}.
 */
public final class NetListening implements JsonRpcMethod {

  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return true;
  }
}
