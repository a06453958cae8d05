package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.vm.api.CallResult;

/**
 * {@code eth_call}: runs a call object on the state after a chain block (latest when not given), seen through
 * optional state overrides, and answers the return data; nothing is written. Gas defaults to, and is capped
 * by, the configured call gas cap, as geth's RPC gas cap does. A revert is error 3 with the revert data.
 */
public final class EthCall implements JsonRpcMethod {
  private final ChainView chain;
  private final long gasCap;

  public EthCall(ChainView chain, long gasCap) {
    this.chain = chain;
    this.gasCap = gasCap;
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    CallRequest call = CallRequest.parse(request, chain, true);
    long gas = Math.min(call.arguments().gas().orElse(gasCap), gasCap);
    CallResult result = call.run(chain, call.arguments().message(gas));
    if (!result.success()) {
      throw CallFailures.of(result);
    }
    return Bytes.toHex(result.output());
  }
}
