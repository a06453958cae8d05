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
  /** Struct log entries a trace may record unless configured otherwise: ample for ordinary transactions. */
  public static final int DEFAULT_MAX_TRACE_STEPS = 100_000;

  private final List<JsonRpcMethod> methods;

  @Activate
  public DebugNamespace(@Reference Node node, RpcConfiguration configuration) {
    this(node, configuration.trace_max_steps());
  }

  /** Over {@code node}, recording at most {@code maxTraceSteps} struct log entries per trace. */
  public DebugNamespace(Node node, int maxTraceSteps) {
    this.methods = List.of(new DebugTraceTransaction(node, maxTraceSteps));
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
