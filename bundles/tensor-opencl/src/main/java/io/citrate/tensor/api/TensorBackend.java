package io.citrate.tensor.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One backend of the engine, an OSGi service with property {@link #NAME_PROPERTY}: {@code opencl} or
 * {@code java}. Operators and benchmarks address backends; other consumers use {@link TensorEngine}, which
 * picks one by configuration.
 */
@ProviderType
public interface TensorBackend extends TensorEngine {
  String NAME_PROPERTY = "citrate.tensor.backend";

  /** {@code opencl} or {@code java}. */
  String name();

  /** Devices this backend sees; the one it runs on is marked in use. */
  List<ComputeDevice> devices();
}
