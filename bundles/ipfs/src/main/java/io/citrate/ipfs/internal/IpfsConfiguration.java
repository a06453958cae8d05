package io.citrate.ipfs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Option;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Imports, pin backends and replication, retries, and what is served over HTTP; PID {@code io.citrate.ipfs}. */
@ObjectClassDefinition(
    name = "Citrate IPFS",
    description = "Import defaults, pin backends with a replication target and retry policy, the gateway and the "
        + "Pinning Service API.")
public @interface IpfsConfiguration {

  @AttributeDefinition(
      name = "CID version",
      description = "0: ipfs add's default (Qm..., dag-pb leaves); 1: ipfs add --cid-version=1 (raw leaves, b...).",
      options = {
          @Option(value = "0"),
          @Option(value = "1")})
  int import_cid_version() default 0;

  @AttributeDefinition(
      name = "Pin backends",
      description = "Comma-separated, in the order pins are attempted: local (this node's blockstore), kubo (a Kubo "
          + "node's RPC API), remote (a pinning service).")
  String pin_backends() default "local";

  @AttributeDefinition(
      name = "Replication target",
      description = "How many of the pin backends must hold a pin for it to count as pinned.",
      min = "1")
  int pin_replication_target() default 1;

  @AttributeDefinition(
      name = "Concurrent pins",
      description = "Pin attempts run at once; a pin waiting for its next retry takes no slot.",
      min = "1")
  int pin_concurrency() default 4;

  @AttributeDefinition(
      name = "Attempts",
      description = "Attempts per pin and backend before it is marked failed.",
      min = "1")
  int retry_max_attempts() default 10;

  @AttributeDefinition(
      name = "First retry delay (ms)",
      description = "Delay before the first retry; each further retry waits backoff times longer.",
      min = "1")
  long retry_initial_delay_ms() default 1000;

  @AttributeDefinition(
      name = "Backoff multiplier",
      description = "Factor between successive retry delays.")
  double retry_backoff_multiplier() default 2.0;

  @AttributeDefinition(
      name = "Longest retry delay (ms)",
      description = "Upper bound of a retry delay.",
      min = "1")
  long retry_max_delay_ms() default 300_000;

  @AttributeDefinition(
      name = "Kubo RPC API",
      description = "Base URL of a Kubo node's RPC API (e.g. http://127.0.0.1:5001); empty when there is none.")
  String kubo_api_url() default "";

  @AttributeDefinition(
      name = "Kubo timeout (s)",
      description = "Longest wait for one Kubo RPC call; a slower call counts as a failed attempt and is retried.",
      min = "1")
  int kubo_timeout_seconds() default 60;

  @AttributeDefinition(
      name = "Fetch missing blocks from Kubo",
      description = "A local pin of content this node lacks fetches the missing blocks from the Kubo node "
          + "(/api/v0/block/get), verifying each.")
  boolean kubo_fetch_missing() default true;

  @AttributeDefinition(
      name = "Remote pinning service",
      description = "Endpoint of an IPFS Pinning Service API (the URL that /pins is under); empty when there is none.")
  String remote_endpoint() default "";

  @AttributeDefinition(
      name = "Remote pinning service token",
      description = "Bearer token for the remote pinning service.",
      type = AttributeType.PASSWORD)
  String remote_token() default "";

  @AttributeDefinition(
      name = "Remote timeout (s)",
      description = "Longest wait for one call to the remote pinning service.",
      min = "1")
  int remote_timeout_seconds() default 30;

  @AttributeDefinition(
      name = "Gateway",
      description = "Serve GET /ipfs/{cid}[/path] (path and trustless gateway) on the node's HTTP port.")
  boolean gateway_enabled() default true;

  @AttributeDefinition(
      name = "Pinning Service API tokens",
      description = "Comma-separated bearer tokens accepted by /pins; empty refuses every request.",
      type = AttributeType.PASSWORD)
  String pinning_api_tokens() default "";
}
