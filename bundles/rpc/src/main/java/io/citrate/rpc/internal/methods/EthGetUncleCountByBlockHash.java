package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getUncleCountByBlockHash}: a DAG merges its parallel blocks instead of naming uncles, so a known block has
 * none; null for an unknown hash.
 */
public final class EthGetUncleCountByBlockHash implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetUncleCountByBlockHash(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockHash";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Hash hash = Quantities.hash(request.required(0), "block hash");
    return blocks.byHash(hash).map(found -> "0x0").orElse(null);
  }
}
