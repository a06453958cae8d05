package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getBlockTransactionCountByNumber}: how many transactions the chain block at a number or tag accepted; null
 * when there is no such block.
 */
public final class EthGetBlockTransactionCountByNumber implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetBlockTransactionCountByNumber(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByNumber";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    BlockParameter block = BlockParameter.parse(request.required(0), "block number");
    return blocks.byParameter(block).map(found -> Quantities.quantity(found.transactions().size())).orElse(null);
  }
}
