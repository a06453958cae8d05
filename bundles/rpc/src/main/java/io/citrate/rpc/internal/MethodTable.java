package io.citrate.rpc.internal;

import io.citrate.rpc.api.JsonRpcMethod;

/**
 * Where the processor finds a method by its wire name. The endpoint's table of namespaces is one; decorators
 * (timing) and per-connection tables (WebSocket subscriptions) wrap it.
 */
@FunctionalInterface
public interface MethodTable {

  /** The method served as {@code name}, or null when there is none. */
  JsonRpcMethod get(String name);
}
