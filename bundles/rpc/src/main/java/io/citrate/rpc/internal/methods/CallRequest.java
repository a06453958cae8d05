package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import java.util.Map;

/**
 * What the calling methods share: a call object, the chain block to run on (latest when not given) and, where
 * the method takes them, state overrides; and running a message there.
 */
record CallRequest(CallArguments arguments, ChainView.ChainBlock block, Map<Address, AccountOverride> overrides) {

  /**
   * Parameters {@code [call, block?, overrides?]}, or {@code [call, block?]} when the method takes no overrides.
   * The block is resolved last, so that malformed parameters are refused whatever the block.
   */
  static CallRequest parse(JsonRpcRequest request, ChainView chain, boolean takesOverrides) throws JsonRpcException {
    request.requireAtMost(takesOverrides ? 3 : 2);
    CallArguments arguments = CallArguments.parse(request.required(0), "call");
    BlockParameter parameter = BlockParameter.parse(request.optional(1), "block");
    Map<Address, AccountOverride> overrides =
        takesOverrides ? StateOverrideSet.parse(request.optional(2), "state overrides") : Map.of();
    return new CallRequest(arguments, chain.require(parameter), overrides);
  }

  CallResult run(ChainView chain, CallMessage message) throws JsonRpcException {
    return chain.node().call(block.hash(), message, overrides).orElseThrow(chain::missingState);
  }

  /** The gas a method runs with when the call object names none, or names more: the block's limit and the cap. */
  long gasAllowance(long gasCap) {
    return Math.min(block.header().gasLimit(), gasCap);
  }
}
