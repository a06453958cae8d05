package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_chainId}: the EIP-155 chain id transactions must be signed for. */
public final class EthChainId implements JsonRpcMethod {
  private final Node node;

  public EthChainId(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return Quantities.quantity(node.chainSpec().chainId());
  }
}
