package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_syncing}: {@code false}, the answer for a node that is not catching up. The node has no peers yet, so
 * it is never behind anyone: its DAG is the whole network's. Once blocks arrive from peers, this will answer
 * geth's progress object ({@code startingBlock}, {@code currentBlock}, {@code highestBlock}) while a sync runs.
 */
public final class EthSyncing implements JsonRpcMethod {

  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return false;
  }
}
