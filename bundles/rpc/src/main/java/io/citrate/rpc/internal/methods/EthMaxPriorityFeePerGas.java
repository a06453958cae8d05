package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_maxPriorityFeePerGas}: the tip to offer per gas, as the {@link TipOracle} suggests it. */
public final class EthMaxPriorityFeePerGas implements JsonRpcMethod {
  private final TipOracle oracle;

  EthMaxPriorityFeePerGas(TipOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return oracle.suggestedTip().toHexString();
  }
}
