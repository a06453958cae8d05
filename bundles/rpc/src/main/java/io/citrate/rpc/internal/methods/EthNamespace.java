package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.RpcConfiguration;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code eth} namespace: the chain, its state, transactions, blocks, receipts, logs and fees. */
@Component(service = JsonRpcNamespace.class, configurationPid = "io.citrate.rpc")
public final class EthNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public EthNamespace(@Reference Node node, @Reference Consensus consensus, RpcConfiguration configuration) {
    this(node, consensus, configuration.call_gas_cap());
  }

  /** @param callGasCap the most gas {@code eth_call} and its kin may run with */
  EthNamespace(Node node, Consensus consensus, long callGasCap) {
    ChainView chain = new ChainView(node, consensus);
    this.methods = List.of(new EthChainId(node), new EthBlockNumber(node), new EthSendRawTransaction(node),
        new EthGetBalance(chain), new EthGetCode(chain), new EthGetStorageAt(chain), new EthGetTransactionCount(chain),
        new EthCall(chain, callGasCap), new EthEstimateGas(chain, callGasCap),
        new EthCreateAccessList(chain, callGasCap));
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
