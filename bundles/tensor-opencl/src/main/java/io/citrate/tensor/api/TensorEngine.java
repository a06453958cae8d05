package io.citrate.tensor.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tensor engine, an OSGi service: opens sessions on whichever backend the node's configuration chose.
 * Safe for concurrent use; each session belongs to one thread at a time.
 */
@ProviderType
public interface TensorEngine {

  TensorSession open(NumericMode mode, TensorLimits limits);

  /** A session under the limits the node is configured with. */
  TensorSession open(NumericMode mode);
}
