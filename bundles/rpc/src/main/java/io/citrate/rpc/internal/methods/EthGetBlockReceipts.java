package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code eth_getBlockReceipts}: the receipts of everything a block accepted, in order; null when there is no such
 * block.
 */
public final class EthGetBlockReceipts implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetBlockReceipts(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockReceipts";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Optional<BlockAcceptance> block = blocks.byParameter(BlockParameter.parse(request.required(0), "block"));
    if (block.isEmpty()) {
      return null;
    }
    ArrayNode receipts = JsonNodeFactory.instance.arrayNode();
    int firstLogIndex = 0;
    for (AcceptedTransaction accepted : block.get().transactions()) {
      receipts.add(EthObjects.receipt(accepted, block.get(), firstLogIndex));
      firstLogIndex += accepted.receipt().logs().size();
    }
    return receipts;
  }
}
