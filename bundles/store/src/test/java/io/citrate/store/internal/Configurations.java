package io.citrate.store.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Config annotation instances as DS builds them: the given attributes, defaults for the rest. */
final class Configurations {
  private Configurations() {}

  static StoreConfiguration store(Map<String, Object> attributes) {
    return (StoreConfiguration) Proxy.newProxyInstance(StoreConfiguration.class.getClassLoader(),
        new Class<?>[] {StoreConfiguration.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "annotationType" -> StoreConfiguration.class;
          case "toString" -> "StoreConfiguration" + attributes;
          case "hashCode" -> attributes.hashCode();
          case "equals" -> proxy == arguments[0];
          default -> attributes.getOrDefault(method.getName(), method.getDefaultValue());
        });
  }
}
