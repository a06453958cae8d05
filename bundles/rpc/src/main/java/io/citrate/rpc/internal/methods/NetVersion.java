package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code net_version}: the network id, which on Citrate is the chain id, in decimal. */
public final class NetVersion implements JsonRpcMethod {
  private final Node node;

  public NetVersion(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return Long.toString(node.chainSpec().chainId());
  }
}
