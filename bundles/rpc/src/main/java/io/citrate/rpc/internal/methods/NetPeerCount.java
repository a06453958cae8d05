package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code net_peerCount}: the number of connected peers, {@code 0x0}: the node has no peer-to-peer networking yet.
 * When it has, the node will expose its peer count and this will answer it.
 */
public final class NetPeerCount implements JsonRpcMethod {

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return Quantities.quantity(0);
  }
}
