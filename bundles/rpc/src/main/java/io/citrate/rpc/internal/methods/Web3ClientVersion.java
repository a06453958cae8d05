package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code web3_clientVersion}: the node's name and version, as geth answers {@code Geth/v1.x/...}. */
public final class Web3ClientVersion implements JsonRpcMethod {
  private final String version;

  public Web3ClientVersion(String version) {
    this.version = version;
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return "Citrate/v" + version + "/java-" + Runtime.version().feature();
  }
}
