package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_getBlockByHash}: any block of the DAG, as the Ethereum block it would be on the selected chain, with its
 * transactions in full or as hashes; null for an unknown hash.
 */
public final class EthGetBlockByHash implements JsonRpcMethod {
  private final Blocks blocks;

  public EthGetBlockByHash(Blocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Hash hash = Quantities.hash(request.required(0), "block hash");
    boolean fullTransactions = Quantities.bool(request.required(1), "full transactions");
    return blocks.byHash(hash).map(found -> EthObjects.block(found, fullTransactions)).orElse(null);
  }
}
