package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getBlockByNumber}: the chain block at a number or tag, with its transactions in full or as hashes;
 * null when there is none.
 */
public final class EthGetBlockByNumber implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetBlockByNumber(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    BlockParameter block = BlockParameter.parse(request.required(0), "block number");
    boolean fullTransactions = Quantities.bool(request.required(1), "full transactions");
    return blocks.byParameter(block).map(found -> EthObjects.block(found, fullTransactions)).orElse(null);
  }
}
