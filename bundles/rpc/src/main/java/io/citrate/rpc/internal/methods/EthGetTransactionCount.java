package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getTransactionCount}: an account's nonce after a chain block (latest when not given); for
 * {@code pending}, the pool's view, so that a wallet can send several transactions in a row.
 */
public final class EthGetTransactionCount implements JsonRpcMethod {
  private final ChainView chain;

  public EthGetTransactionCount(ChainView chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Address address = Quantities.address(request.required(0), "address");
    BlockParameter parameter = BlockParameter.parse(request.optional(1), "block");
    if (parameter instanceof BlockParameter.Named named && named.tag() == BlockParameter.Tag.PENDING) {
      return Quantities.quantity(chain.node().pendingNonce(address));
    }
    ChainView.ChainBlock block = chain.require(parameter);
    return Quantities.quantity(
        chain.node().account(block.hash(), address).orElseThrow(chain::missingState).nonce());
  }
}
