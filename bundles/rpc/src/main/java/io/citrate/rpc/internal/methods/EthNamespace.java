package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.RpcConfiguration;
import io.citrate.txpool.api.TransactionPool;
import java.util.ArrayList;
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
  public EthNamespace(@Reference Node node, @Reference Consensus consensus, @Reference TransactionPool pool,
      @Reference Filters filters, RpcConfiguration configuration) {
    long callGasCap = configuration.call_gas_cap();
    ChainView chain = new ChainView(node, consensus);
    Blocks blocks = new Blocks(chain);
    LogSearch logs = new LogSearch(chain, LogSearch.Limits.of(configuration));
    TipOracle tips = new TipOracle(node);
    List<JsonRpcMethod> all = new ArrayList<>(List.of(new EthChainId(node), new EthBlockNumber(node),
        new EthSendRawTransaction(node), new EthGasPrice(tips), new EthMaxPriorityFeePerGas(tips),
        new EthFeeHistory(chain), new EthSyncing(), new EthAccounts()));
    all.addAll(List.of(new EthGetBalance(chain), new EthGetCode(chain), new EthGetStorageAt(chain),
        new EthGetTransactionCount(chain), new EthCall(chain, callGasCap), new EthEstimateGas(chain, callGasCap),
        new EthCreateAccessList(chain, callGasCap)));
    all.addAll(List.of(new EthGetBlockByNumber(blocks), new EthGetBlockByHash(blocks),
        new EthGetBlockTransactionCountByNumber(blocks), new EthGetBlockTransactionCountByHash(blocks),
        new EthGetUncleCountByBlockNumber(blocks), new EthGetUncleCountByBlockHash(blocks),
        new EthGetUncleByBlockNumberAndIndex(), new EthGetUncleByBlockHashAndIndex(),
        new EthGetTransactionByHash(node, pool), new EthGetTransactionByBlockNumberAndIndex(blocks),
        new EthGetTransactionByBlockHashAndIndex(blocks), new EthGetTransactionReceipt(node),
        new EthGetBlockReceipts(blocks), new EthGetLogs(logs), new EthNewFilter(filters),
        new EthNewBlockFilter(filters), new EthNewPendingTransactionFilter(filters),
        new EthGetFilterChanges(filters, logs), new EthGetFilterLogs(filters, logs),
        new EthUninstallFilter(filters)));
    this.methods = List.copyOf(all);
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
