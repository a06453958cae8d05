package io.citrate.tensor.internal.kernel;

import io.citrate.tensor.api.DType;

/** Memory on a backend's device holding {@code count} elements of one type, contiguous, row-major. */
public interface DeviceBuffer extends AutoCloseable {

  DType dtype();

  int count();

  /** Releases the memory; idempotent. */
  @Override
  void close();
}
