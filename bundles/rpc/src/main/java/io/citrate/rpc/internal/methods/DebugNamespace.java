package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.RpcConfiguration;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** The {@code debug} namespace: replaying accepted transactions under geth's tracers. */
@Component(service = JsonRpcNamespace.class, configurationPid = "io.citrate.rpc",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DebugNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public DebugNamespace(@Reference Node node, RpcConfiguration configuration) {
    this(node, new TraceLimits(configuration.trace_max_steps(), configuration.trace_max_bytes()));
  }

  /** Over {@code node}, recording struct logs within {@code limits}. */
  public DebugNamespace(Node node, TraceLimits limits) {
    this.methods = List.of(new DebugTraceTransaction(node, limits));
  }

  @Override
  public String name() {
    return "debug";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
