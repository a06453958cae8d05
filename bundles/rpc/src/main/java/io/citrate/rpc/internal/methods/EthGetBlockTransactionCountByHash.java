package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code eth_getBlockTransactionCountByHash}: how many transactions a block accepted; null for an unknown hash. */
public final class EthGetBlockTransactionCountByHash implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetBlockTransactionCountByHash(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Hash hash = Quantities.hash(request.required(0), "block hash");
    return blocks.byHash(hash).map(found -> Quantities.quantity(found.transactions().size())).orElse(null);
  }
}
