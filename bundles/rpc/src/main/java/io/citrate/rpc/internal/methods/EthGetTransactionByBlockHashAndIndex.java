package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code eth_getTransactionByBlockHashAndIndex}: the transaction at a position of what a block accepted; null when
 * there is no such block or position.
 */
public final class EthGetTransactionByBlockHashAndIndex implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetTransactionByBlockHashAndIndex(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Hash hash = Quantities.hash(request.required(0), "block hash");
    int index = Quantities.index(request.required(1), "transaction index");
    Optional<BlockAcceptance> block = blocks.byHash(hash);
    if (block.isEmpty() || index >= block.get().transactions().size()) {
      return null;
    }
    return EthObjects.transaction(block.get().transactions().get(index), block.get());
  }
}
