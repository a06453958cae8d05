package io.citrate.rpc.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link RpcConfiguration}s for tests: the defaults, with some attributes overridden, as Config Admin would give. */
public final class RpcSettings {
  private RpcSettings() {}

  public static RpcConfiguration defaults() {
    return with(Map.of());
  }

  /** The defaults with {@code overrides} (attribute method name to value). */
  public static RpcConfiguration with(Map<String, Object> overrides) {
    return (RpcConfiguration) Proxy.newProxyInstance(RpcConfiguration.class.getClassLoader(),
        new Class<?>[] {RpcConfiguration.class}, (proxy, method, args) -> switch (method.getName()) {
          case "annotationType" -> RpcConfiguration.class;
          case "toString" -> "RpcConfiguration" + overrides;
          case "hashCode" -> overrides.hashCode();
          case "equals" -> proxy == args[0];
          default -> overrides.getOrDefault(method.getName(), method.getDefaultValue());
        });
  }
}
