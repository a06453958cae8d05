package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_blockNumber}: the head's position on the selected chain. */
public final class EthBlockNumber implements JsonRpcMethod {
  private final Node node;

  public EthBlockNumber(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return Quantities.quantity(node.head().number());
  }
}
