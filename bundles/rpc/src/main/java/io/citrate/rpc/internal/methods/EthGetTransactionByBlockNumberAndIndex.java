package io.citrate.rpc.internal.methods;

import io.citrate.node.api.BlockAcceptance;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code eth_getTransactionByBlockNumberAndIndex}: the transaction at a position of what a chain block accepted; null
 * when there is no such block or position.
 */
public final class EthGetTransactionByBlockNumberAndIndex implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetTransactionByBlockNumberAndIndex(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    BlockParameter parameter = BlockParameter.parse(request.required(0), "block number");
    int index = Quantities.index(request.required(1), "transaction index");
    Optional<BlockAcceptance> block = blocks.byParameter(parameter);
    if (block.isEmpty() || index >= block.get().transactions().size()) {
      return null;
    }
    return EthObjects.transaction(block.get().transactions().get(index), block.get());
  }
}
