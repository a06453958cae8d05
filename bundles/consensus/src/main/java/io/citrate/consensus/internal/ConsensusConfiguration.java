package io.citrate.consensus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Node-local consensus settings, PID {@code io.citrate.consensus}; every attribute has a default. The
 * consensus rules themselves (k, limits, finality depth) come from genesis, never from here.
 */
@ObjectClassDefinition(
    name = "Citrate consensus",
    description = "How this node holds blocks that arrive early: orphans waiting for parents, timestamps ahead of its clock.")
public @interface ConsensusConfiguration {

  @AttributeDefinition(
      name = "Orphan pool capacity",
      description = "Most blocks held while their parents are missing; when full, the oldest is dropped.",
      min = "1")
  int orphan_capacity() default 4096;

  @AttributeDefinition(
      name = "Future timestamp tolerance",
      description = "Milliseconds a block's timestamp may be ahead of this node's clock before it is rejected.",
      min = "0")
  long future_tolerance_millis() default 15_000;
}
