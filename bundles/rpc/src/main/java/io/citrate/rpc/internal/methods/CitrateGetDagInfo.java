package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.List;

/**
 * {@code citrate_getDagInfo}: where the DAG stands, as {@code citrate:dag-info} shows it: the network, genesis, the
 * sink (the end of the selected chain, the Ethereum head) with its number, blue score and blue work, the tips, the
 * finality point, the GHOSTDAG k, finality and pruning depths, and the orphans waiting for parents. The node keeps
 * every block's state for now (it prunes nothing), so there is no pruning point to report.
 */
public final class CitrateGetDagInfo implements JsonRpcMethod {
  private final Node node;
  private final Consensus consensus;

  public CitrateGetDagInfo(Node node, Consensus consensus) {
    this.node = node;
    this.consensus = consensus;
  }

  @Override
  public String name() {
    return "citrate_getDagInfo";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    ChainSpec spec = node.chainSpec();
    Hash sink = consensus.sink();
    GhostdagData sinkData = consensus.ghostdagData(sink).orElseThrow();
    List<Hash> tips = consensus.tips();
    Hash finalityPoint = consensus.finalityPoint();

    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("network", spec.name());
    json.put("chainId", Quantities.quantity(spec.chainId()));
    json.put("genesis", consensus.genesis().header().hash().toHex());
    json.put("sink", sink.toHex());
    json.put("sinkNumber", Quantities.quantity(consensus.selectedChainPosition(sink)
        .orElse(consensus.selectedChainHeight())));
    json.put("sinkBlueScore", Quantities.quantity(sinkData.blueScore()));
    json.put("sinkBlueWork", Quantities.quantity(sinkData.blueWork()));
    json.put("tipCount", Quantities.quantity(tips.size()));
    json.set("tips", DagObjects.hashes(tips));
    json.put("finalityPoint", finalityPoint.toHex());
    json.put("finalityPointNumber", Quantities.quantity(consensus.selectedChainPosition(finalityPoint).orElse(0)));
    json.put("ghostdagK", Quantities.quantity(spec.consensus().ghostdagK()));
    json.put("finalityDepth", Quantities.quantity(spec.consensus().finalityDepth()));
    json.put("pruningDepth", Quantities.quantity(spec.pruningDepth()));
    json.put("orphans", Quantities.quantity(consensus.orphanCount()));
    return json;
  }
}
