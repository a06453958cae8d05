package io.citrate.rpc.internal;

import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The methods the endpoint serves: those of the enabled namespaces registered now. Namespaces come and go with
 * their bundles; a lookup always sees a complete table.
 */
public final class JsonRpcMethods implements MethodTable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcMethods.class);

  private final Set<String> enabled;
  private final List<JsonRpcNamespace> namespaces = new CopyOnWriteArrayList<>();
  private volatile Map<String, JsonRpcMethod> table = Map.of();

  public JsonRpcMethods(Set<String> enabled) {
    this.enabled = Set.copyOf(enabled);
  }

  /** A table of exactly {@code methods}, for tests and tools that assemble methods themselves. */
  public static JsonRpcMethods of(Collection<JsonRpcMethod> methods) {
    JsonRpcMethods table = new JsonRpcMethods(Set.of());
    Map<String, JsonRpcMethod> byName = new HashMap<>();
    methods.forEach(method -> byName.put(method.name(), method));
    table.table = Map.copyOf(byName);
    return table;
  }

  @Override
  public JsonRpcMethod get(String name) {
    return table.get(name);
  }

  public Set<String> names() {
    return table.keySet();
  }

  public void add(JsonRpcNamespace namespace) {
    if (!enabled.contains(namespace.name())) {
      LOG.info("JSON-RPC namespace {} is registered but not enabled (namespaces in etc/io.citrate.rpc.cfg)",
          namespace.name());
      return;
    }
    namespaces.add(namespace);
    rebuild();
  }

  public void remove(JsonRpcNamespace namespace) {
    if (namespaces.remove(namespace)) {
      rebuild();
    }
  }

  private synchronized void rebuild() {
    Map<String, JsonRpcMethod> byName = new LinkedHashMap<>();
    for (JsonRpcNamespace namespace : namespaces) {
      for (JsonRpcMethod method : namespace.methods()) {
        if (!method.name().startsWith(namespace.name() + "_")) {
          LOG.warn("JSON-RPC method {} is outside its namespace {}; not served", method.name(), namespace.name());
        } else if (byName.putIfAbsent(method.name(), method) != null) {
          LOG.warn("JSON-RPC method {} is registered twice; the first one is served", method.name());
        }
      }
    }
    table = Map.copyOf(byName);
  }
}
