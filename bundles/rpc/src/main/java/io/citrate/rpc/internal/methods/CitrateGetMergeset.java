package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code citrate_getMergeset(hash)}: the blocks a block merges, as GHOSTDAG coloured them: its
 * {@code selectedParent} (null for genesis), then {@code blues} (selected parent first) and {@code reds}, each in
 * execution order, and {@code executionOrder}: the merged blocks other than the selected parent in the order their
 * transactions are accepted, each {@code {hash, blue}}. Null for a block the node does not hold as valid.
 */
public final class CitrateGetMergeset implements JsonRpcMethod {
  private final Consensus consensus;

  public CitrateGetMergeset(Consensus consensus) {
    this.consensus = consensus;
  }

  @Override
  public String name() {
    return "citrate_getMergeset";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    Hash block = Quantities.hash(request.required(0), "blockHash");
    Optional<GhostdagData> found = consensus.ghostdagData(block);
    if (found.isEmpty()) {
      return null;
    }
    GhostdagData data = found.get();
    boolean genesis = data.selectedParent().equals(GhostdagData.ORIGIN);
    List<Hash> order = genesis ? List.of() : consensus.mergesetInExecutionOrder(data);
    Set<Hash> blues = new HashSet<>(data.mergesetBlues());

    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("hash", block.toHex());
    if (genesis) {
      json.putNull("selectedParent");
    } else {
      json.put("selectedParent", data.selectedParent().toHex());
    }
    ArrayNode blueList = json.putArray("blues");
    ArrayNode redList = json.putArray("reds");
    ArrayNode executionOrder = json.putArray("executionOrder");
    if (!genesis) {
      blueList.add(data.selectedParent().toHex());
    }
    for (Hash merged : order) {
      boolean blue = blues.contains(merged);
      (blue ? blueList : redList).add(merged.toHex());
      ObjectNode step = executionOrder.addObject();
      step.put("hash", merged.toHex());
      step.put("blue", blue);
    }
    return json;
  }
}
