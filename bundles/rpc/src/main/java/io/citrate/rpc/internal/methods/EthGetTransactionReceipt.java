package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.Node;
import io.citrate.node.api.TransactionLocation;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code eth_getTransactionReceipt}: the receipt of a transaction the selected chain accepted, its logs indexed
 * block-wide; null while it is pending or unknown.
 */
public final class EthGetTransactionReceipt implements JsonRpcMethod {
  private final Node node;

  public EthGetTransactionReceipt(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Hash hash = Quantities.hash(request.required(0), "transaction hash");
    Optional<TransactionLocation> location = node.transactionLocation(hash);
    if (location.isEmpty()) {
      return null;
    }
    Optional<BlockAcceptance> block = node.acceptance(location.get().chainBlock());
    if (block.isEmpty()) {
      return null;
    }
    int index = location.get().index();
    return EthObjects.receipt(block.get().transactions().get(index), block.get(),
        LogSearch.firstLogIndex(block.get(), index));
  }
}
