package io.citrate.node.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** PID {@code io.citrate.node}: which network the node joins and how it produces blocks. */
@ObjectClassDefinition(name = "Citrate node",
    description = "The chain specification, the validator key and block production.")
public @interface NodeConfiguration {

  @AttributeDefinition(name = "Chain", description = "\"devnet\" for the built-in development network, or the path of"
      + " a chain specification JSON file.")
  String chain() default "devnet";

  @AttributeDefinition(name = "Validator key", description = "The validator's secp256k1 signing key in hex; its VRF"
      + " key is derived from it. Empty: the node does not produce blocks.", required = false)
  String validator_key() default "";

  @AttributeDefinition(name = "Production mode", options = {
      @Option(label = "A block every interval", value = "interval"),
      @Option(label = "A block per executable transaction", value = "per-transaction"),
      @Option(label = "Only on request", value = "off")})
  String production_mode() default "interval";

  @AttributeDefinition(name = "Production interval", description = "Milliseconds between blocks in interval mode.",
      min = "1")
  long production_interval_millis() default 1_000;

  @AttributeDefinition(name = "Transactions per block", description = "Most transactions a produced block carries.",
      min = "0")
  int production_max_transactions() default 5_000;

  @AttributeDefinition(name = "Event queue size", description = "Chain events waiting for their listeners; when the"
      + " queue is full, further events are dropped and counted.", min = "1")
  int events_queue_size() default 1_024;
}
