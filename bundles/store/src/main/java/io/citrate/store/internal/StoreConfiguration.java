package io.citrate.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node's store, PID {@code io.citrate.store}; every attribute has a default. */
@ObjectClassDefinition(
    name = "Citrate store",
    description = "The node's Xodus environment: where it lives, how much heap it caches, how it syncs and collects garbage.")
public @interface StoreConfiguration {

  @AttributeDefinition(
      name = "Data directory",
      description = "Directory of the Xodus environment; empty means ${karaf.data}/citrate/store, or ./data/citrate/store outside Karaf.")
  String data_directory() default "";

  @AttributeDefinition(
      name = "Cache size",
      description = "Log cache: a percentage of the maximum heap (25%) or an absolute size (512MB, 2GB).")
  String cache_size() default "25%";

  @AttributeDefinition(
      name = "Durable writes",
      description = "fsync on every commit, so an acknowledged commit survives a power loss; off trades that for speed.")
  boolean durable_writes() default true;

  @AttributeDefinition(
      name = "Garbage collection",
      description = "Reclaim space of overwritten data in the background.")
  boolean gc_enabled() default true;

  @AttributeDefinition(
      name = "Minimum utilization",
      description = "Percent of live data (1 to 90) below which the background collector rewrites the log.",
      min = "1",
      max = "90")
  int gc_min_utilization() default 50;
}
