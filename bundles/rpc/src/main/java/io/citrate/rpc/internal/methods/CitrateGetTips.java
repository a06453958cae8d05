package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code citrate_getTips}: the hashes of the blocks without children, ascending; the next block's parents. */
public final class CitrateGetTips implements JsonRpcMethod {
  private final Consensus consensus;

  public CitrateGetTips(Consensus consensus) {
    this.consensus = consensus;
  }

  @Override
  public String name() {
    return "citrate_getTips";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    return DagObjects.hashes(consensus.tips());
  }
}
