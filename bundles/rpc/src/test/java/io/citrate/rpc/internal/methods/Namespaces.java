package io.citrate.rpc.internal.methods;

import io.citrate.node.internal.Devnet;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.RpcConfiguration;
import io.citrate.rpc.internal.RpcSettings;
import java.util.List;
import java.util.stream.Stream;

/** Every namespace this bundle serves, over one node, as the endpoint assembles them. */
public final class Namespaces {
  /** The call gas cap the distribution configures. */
  public static final long CALL_GAS_CAP = RpcSettings.defaults().call_gas_cap();

  private Namespaces() {}

  public static List<JsonRpcNamespace> of(Devnet devnet) {
    RpcConfiguration configuration = RpcSettings.defaults();
    return of(devnet, configuration, listening(devnet, new Filters(configuration)));
  }

  /** The namespaces under {@code configuration}, with {@code filters} as the filter manager. */
  static List<JsonRpcNamespace> of(Devnet devnet, RpcConfiguration configuration, Filters filters) {
    return List.of(new EthNamespace(devnet.node(), devnet.consensus(), devnet.pool(), filters, configuration),
        new NetNamespace(devnet.node()), new Web3Namespace(), new TxpoolNamespace(devnet.pool()),
        new CitrateNamespace(devnet.node(), devnet.consensus()), new DebugNamespace(devnet.node(), TraceLimits.DEFAULT));
  }

  /** {@code filters}, fed the node's events as the whiteboard feeds the component. */
  static Filters listening(Devnet devnet, Filters filters) {
    devnet.onEvent(filters::onChainEvent);
    return filters;
  }

  public static Stream<JsonRpcMethod> methods(Devnet devnet) {
    return of(devnet).stream().flatMap(namespace -> namespace.methods().stream());
  }
}
