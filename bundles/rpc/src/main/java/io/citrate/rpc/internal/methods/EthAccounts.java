package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.List;

/**
 * {@code eth_accounts}: the accounts the node signs for, which is none: Citrate holds no keys for its users, who
 * sign in their wallets and send raw transactions. The empty list is what geth answers without a keystore.
 */
public final class EthAccounts implements JsonRpcMethod {

  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return List.of();
  }
}
