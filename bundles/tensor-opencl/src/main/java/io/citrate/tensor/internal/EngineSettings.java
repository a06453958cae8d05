package io.citrate.tensor.internal;

import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.internal.opencl.OpenClDeviceSelector;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** The engine's configuration, checked: which backend, the OpenCL device, the kernel cache and the limits. */
record EngineSettings(BackendChoice backend, boolean fallback, OpenClDeviceSelector selector, Path kernelCache,
    TensorLimits limits) {

  enum BackendChoice {
    AUTO,
    OPENCL,
    JAVA
  }

  private static final Set<String> DEVICE_TYPES = Set.of("any", "gpu", "cpu", "accelerator");
  static final String NO_CACHE = "none";

  /** Settings from the configuration; {@code dataDirectory} (Karaf's data folder, may be null) holds the cache. */
  static EngineSettings of(TensorConfiguration configuration, String dataDirectory) {
    BackendChoice backend;
    try {
      backend = BackendChoice.valueOf(configuration.backend().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "backend must be auto, opencl or java, not '" + configuration.backend() + "'", unknown);
    }
    String deviceType = configuration.opencl_device_type().trim().toLowerCase(Locale.ROOT);
    if (!DEVICE_TYPES.contains(deviceType)) {
      throw new IllegalArgumentException(
          "opencl.device.type must be any, gpu, cpu or accelerator, not '" + configuration.opencl_device_type() + "'");
    }
    if (configuration.opencl_device_index() < 0) {
      throw new IllegalArgumentException("opencl.device.index must not be negative");
    }
    OpenClDeviceSelector selector = new OpenClDeviceSelector(configuration.opencl_platform().trim(), deviceType,
        configuration.opencl_device_index());
    TensorLimits limits = new TensorLimits(configuration.max_tensor_elements(), configuration.max_session_bytes(),
        configuration.max_rank(), configuration.max_multiply_accumulates());
    return new EngineSettings(backend, configuration.fallback(), selector,
        kernelCache(configuration.opencl_kernel_cache().trim(), dataDirectory), limits);
  }

  private static Path kernelCache(String configured, String dataDirectory) {
    if (configured.equalsIgnoreCase(NO_CACHE)) {
      return null;
    }
    if (!configured.isEmpty()) {
      return Path.of(configured);
    }
    return dataDirectory == null ? null : Path.of(dataDirectory, "tensor", "kernels");
  }

  boolean wantsOpenCl() {
    return backend != BackendChoice.JAVA;
  }
}
