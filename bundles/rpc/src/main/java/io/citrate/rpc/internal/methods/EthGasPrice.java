package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_gasPrice}: a gas price for legacy transactions, as geth answers it: the next block's base fee plus the
 * {@link TipOracle}'s suggested tip.
 */
public final class EthGasPrice implements JsonRpcMethod {
  private final TipOracle oracle;

  EthGasPrice(TipOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return oracle.suggestedGasPrice().toHexString();
  }
}
