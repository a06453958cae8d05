package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_getCode}: an account's code after a chain block (latest when not given); 0x for none. */
public final class EthGetCode implements JsonRpcMethod {
  private final ChainView chain;

  public EthGetCode(ChainView chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Address address = Quantities.address(request.required(0), "address");
    ChainView.ChainBlock block = chain.require(BlockParameter.parse(request.optional(1), "block"));
    return Bytes.toHex(chain.node().code(block.hash(), address).orElseThrow(chain::missingState));
  }
}
