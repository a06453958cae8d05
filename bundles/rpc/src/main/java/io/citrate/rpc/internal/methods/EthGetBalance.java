package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_getBalance}: an account's wei after a chain block (latest when not given). */
public final class EthGetBalance implements JsonRpcMethod {
  private final ChainView chain;

  public EthGetBalance(ChainView chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Address address = Quantities.address(request.required(0), "address");
    ChainView.ChainBlock block = chain.require(BlockParameter.parse(request.optional(1), "block"));
    return Quantities.quantity(chain.node().account(block.hash(), address).orElseThrow(chain::missingState)
        .balance().toBigInteger());
  }
}
