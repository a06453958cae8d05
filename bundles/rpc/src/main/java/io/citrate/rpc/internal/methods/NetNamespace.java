package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code net} namespace: the network this node is on, and its peers. */
@Component(service = JsonRpcNamespace.class)
public final class NetNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public NetNamespace(@Reference Node node) {
    this.methods = List.of(new NetVersion(node), new NetListening(), new NetPeerCount());
  }

  @Override
  public String name() {
    return "net";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
