package io.citrate.rpc.api;

import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of JSON-RPC methods sharing a prefix ({@code eth}, {@code net}, {@code citrate}...), registered as an
 * OSGi service. The endpoint serves the methods of every namespace its configuration enables; a bundle adds
 * methods by registering a namespace of its own.
 */
@ConsumerType
public interface JsonRpcNamespace {

  /** The prefix of the methods' names, before the underscore: {@code eth}. */
  String name();

  /** The methods, each named {@code <name>_<method>}. */
  Collection<JsonRpcMethod> methods();
}
