package io.citrate.rpc.internal;

import io.citrate.rpc.internal.methods.TraceLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code io.citrate.rpc}: the limits of the JSON-RPC endpoint. Where it listens is Pax Web's
 * ({@code etc/org.ops4j.pax.web.cfg}: 127.0.0.1:8545 in the distribution).
 */
@ObjectClassDefinition(name = "Citrate JSON-RPC", description = "Limits of the Ethereum JSON-RPC endpoint.")
public @interface RpcConfiguration {

  @AttributeDefinition(name = "Namespaces", description = "Comma-separated method namespaces served.")
  String namespaces() default "eth,net,web3,txpool,debug,citrate";

  @AttributeDefinition(name = "Largest batch", description = "Most requests one batch may hold.", min = "1")
  int batch_max_requests() default 1_000;

  @AttributeDefinition(name = "Largest body", description = "Most bytes a request body may have.", min = "1")
  int body_max_bytes() default 5 * 1024 * 1024;

  @AttributeDefinition(name = "Longest struct log",
      description = "Most operations one debug_traceTransaction struct log may record.", min = "1")
  int trace_max_steps() default TraceLimits.DEFAULT_MAX_STEPS;

  @AttributeDefinition(name = "Largest struct log",
      description = "Most bytes, approximately, one debug_traceTransaction struct log may hold in memory.", min = "1")
  long trace_max_bytes() default TraceLimits.DEFAULT_MAX_BYTES;
}
