package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code citrate} namespace: the block DAG behind the Ethereum view: tips, GHOSTDAG data, mergesets, what each
 * block accepted, and finality. Hashes are 0x hex, numbers hex quantities, as in the {@code eth} namespace.
 */
@Component(service = JsonRpcNamespace.class)
public final class CitrateNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public CitrateNamespace(@Reference Node node, @Reference Consensus consensus) {
    ChainView chain = new ChainView(node, consensus);
    this.methods = List.of(new CitrateGetDagInfo(node, consensus), new CitrateGetBlockByHash(node, consensus),
        new CitrateGetTips(consensus), new CitrateGetMergeset(consensus), new CitrateGetFinality(chain));
  }

  @Override
  public String name() {
    return "citrate";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
