package io.citrate.rpc.internal;

import io.citrate.rpc.internal.methods.TraceLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code io.citrate.rpc}: the limits of the JSON-RPC endpoint, over HTTP and WebSocket. Where it listens is
 * Pax Web's ({@code etc/org.ops4j.pax.web.cfg}: 127.0.0.1:8545 in the distribution).
 */
@ObjectClassDefinition(name = "Citrate JSON-RPC", description = "Limits of the Ethereum JSON-RPC endpoint.")
public @interface RpcConfiguration {

  @AttributeDefinition(name = "Namespaces", description = "Comma-separated method namespaces served.")
  String namespaces() default "eth,net,web3,txpool,debug,citrate";

  @AttributeDefinition(name = "Largest batch", description = "Most requests one batch may hold.", min = "1")
  int batch_max_requests() default 1_000;

  @AttributeDefinition(name = "Largest body", description = "Most bytes a request body may have.", min = "1")
  int body_max_bytes() default 5 * 1024 * 1024;

  @AttributeDefinition(name = "Largest log block range",
      description = "Most blocks one eth_getLogs or eth_getFilterLogs request may scan.", min = "1")
  int logs_max_block_range() default 10_000;

  @AttributeDefinition(name = "Most logs",
      description = "Most logs one eth_getLogs or eth_getFilterLogs answer may hold.", min = "1")
  int logs_max_results() default 10_000;

  @AttributeDefinition(name = "Filter timeout",
      description = "Seconds after which a filter that nobody polled is uninstalled.", min = "1")
  int filters_timeout_seconds() default 300;

  @AttributeDefinition(name = "Most filters", description = "Most filters installed at once.", min = "1")
  int filters_max() default 1_000;

  @AttributeDefinition(name = "Most buffered changes",
      description = "Most changes one filter keeps between polls; beyond it the oldest are dropped.", min = "1")
  int filters_max_changes() default 10_000;

  @AttributeDefinition(name = "CORS origins",
      description = "Comma-separated origins browser pages may call from; * for any; empty for none.")
  String cors_origins() default "";

  @AttributeDefinition(name = "Allowed hosts",
      description = "Comma-separated host names the Host header may name; * for any.")
  String host_allowlist() default "localhost,127.0.0.1,[::1]";

  @AttributeDefinition(name = "WebSocket connections", description = "Most WebSocket connections at once.",
      min = "1")
  int ws_max_connections() default 100;

  @AttributeDefinition(name = "Subscriptions per connection",
      description = "Most subscriptions one WebSocket connection may hold.", min = "1")
  int ws_max_subscriptions_per_connection() default 100;

  @AttributeDefinition(name = "Send queue",
      description = "Most messages waiting to be sent to one WebSocket client before it is disconnected.", min = "1")
  int ws_send_queue_max() default 1_000;

  @AttributeDefinition(name = "Largest WebSocket message", description = "Most bytes a client message may have.",
      min = "1")
  int ws_max_message_bytes() default 5 * 1024 * 1024;

  @AttributeDefinition(name = "WebSocket idle timeout",
      description = "Milliseconds without a frame after which a WebSocket connection is closed.", min = "1")
  long ws_idle_timeout_millis() default 300_000;

  @AttributeDefinition(name = "Call gas cap",
      description = "Most gas eth_call, eth_estimateGas and eth_createAccessList may run with.", min = "21000")
  long call_gas_cap() default 50_000_000;

  @AttributeDefinition(name = "Longest struct log",
      description = "Most operations one debug_traceTransaction struct log may record.", min = "1")
  int trace_max_steps() default TraceLimits.DEFAULT_MAX_STEPS;

  @AttributeDefinition(name = "Largest struct log",
      description = "Most bytes, approximately, one debug_traceTransaction struct log may hold in memory.", min = "1")
  long trace_max_bytes() default TraceLimits.DEFAULT_MAX_BYTES;
}
