package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code citrate_getFinality}: how final the selected chain is, each block as {@code {hash, number}}: the finality
 * point (the highest final chain block, which the {@code finalized} tag names), the {@code safe} block as
 * {@link ChainView} finds it (the highest chain block with at least k blue blocks after it) and the {@code latest};
 * then the finality depth (in blue score below the sink) and the GHOSTDAG k that set them.
 */
public final class CitrateGetFinality implements JsonRpcMethod {
  private final ChainView chain;

  CitrateGetFinality(ChainView chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "citrate_getFinality";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(0);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("finalityPoint", reference(chain.resolve(new BlockParameter.Named(BlockParameter.Tag.FINALIZED))));
    json.set("safe", reference(chain.resolve(new BlockParameter.Named(BlockParameter.Tag.SAFE))));
    json.set("latest", reference(chain.latest()));
    json.put("finalityDepth", Quantities.quantity(chain.node().chainSpec().consensus().finalityDepth()));
    json.put("ghostdagK", Quantities.quantity(chain.node().chainSpec().consensus().ghostdagK()));
    return json;
  }

  private static ObjectNode reference(Optional<ChainView.ChainBlock> block) {
    return block.map(found -> DagObjects.chainBlock(found.hash(), found.number())).orElse(null);
  }
}
