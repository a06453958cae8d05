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

/** The {@code eth} namespace: the chain, its state, transactions, blocks, receipts, logs and fees. */
@Component(service = JsonRpcNamespace.class)
public final class EthNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public EthNamespace(@Reference Node node, @Reference Consensus consensus) {
    ChainView chain = new ChainView(node, consensus);
    TipOracle tips = new TipOracle(node);
    this.methods = List.of(new EthChainId(node), new EthBlockNumber(node), new EthSendRawTransaction(node),
        new EthGasPrice(tips), new EthMaxPriorityFeePerGas(tips), new EthFeeHistory(chain), new EthSyncing(),
        new EthAccounts());
  }

  @Override
  public String name() {
    return "eth";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
