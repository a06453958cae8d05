package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getUncleCountByBlockNumber}: a DAG merges its parallel blocks instead of naming uncles, so a known block
 * has none; null when there is no such block.
 */
public final class EthGetUncleCountByBlockNumber implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetUncleCountByBlockNumber(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockNumber";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    BlockParameter block = BlockParameter.parse(request.required(0), "block number");
    return blocks.byParameter(block).map(found -> "0x0").orElse(null);
  }
}
