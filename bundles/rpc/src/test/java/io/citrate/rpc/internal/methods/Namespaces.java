package io.citrate.rpc.internal.methods;

import io.citrate.node.internal.Devnet;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.List;
import java.util.stream.Stream;

/** Every namespace this bundle serves, over one node, as the endpoint assembles them. */
public final class Namespaces {
  /** The call gas cap the distribution configures. */
  public static final long CALL_GAS_CAP = 50_000_000;

  private Namespaces() {}

  public static List<JsonRpcNamespace> of(Devnet devnet) {
    return List.of(new EthNamespace(devnet.node(), devnet.consensus(), CALL_GAS_CAP), new NetNamespace(devnet.node()),
        new Web3Namespace());
  }

  public static Stream<JsonRpcMethod> methods(Devnet devnet) {
    return of(devnet).stream().flatMap(namespace -> namespace.methods().stream());
  }
}
