package io.citrate.tensor.internal;

import java.lang.annotation.Annotation;

/** The engine's configuration at its defaults, with fields to change one key at a time. */
final class TestConfiguration implements TensorConfiguration {
  String backend = "auto";
  boolean fallback = true;
  String platform = "";
  String deviceType = "any";
  int deviceIndex;
  String cache = "";
  long maxElements = 16_777_216L;

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public boolean fallback() {
    return fallback;
  }

  @Override
  public String opencl_platform() {
    return platform;
  }

  @Override
  public String opencl_device_type() {
    return deviceType;
  }

  @Override
  public int opencl_device_index() {
    return deviceIndex;
  }

  @Override
  public String opencl_kernel_cache() {
    return cache;
  }

  @Override
  public long max_tensor_elements() {
    return maxElements;
  }

  @Override
  public long max_session_bytes() {
    return 268_435_456L;
  }

  @Override
  public int max_rank() {
    return 8;
  }

  @Override
  public long max_multiply_accumulates() {
    return 68_719_476_736L;
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return TensorConfiguration.class;
  }
}
