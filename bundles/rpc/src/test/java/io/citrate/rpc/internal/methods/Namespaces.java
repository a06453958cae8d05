package io.citrate.rpc.internal.methods;

import io.citrate.node.internal.Devnet;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.List;
import java.util.stream.Stream;

/** Every namespace this bundle serves, over one node, as the endpoint assembles them. */
public final class Namespaces {
  private Namespaces() {}

  public static List<JsonRpcNamespace> of(Devnet devnet) {
    return List.of(new EthNamespace(devnet.node(), devnet.consensus()), new NetNamespace(devnet.node()),
        new Web3Namespace(), new DebugNamespace(devnet.node(), TraceLimits.DEFAULT));
  }

  public static Stream<JsonRpcMethod> methods(Devnet devnet) {
    return of(devnet).stream().flatMap(namespace -> namespace.methods().stream());
  }
}
