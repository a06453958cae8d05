package io.citrate.tensor.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A tensor that lives on the session's device. It belongs to the session that made it and is released by
 * {@link #close()} or, at the latest, when the session closes; using it afterwards fails with
 * {@link TensorException.Kind#CLOSED}. Tensors are immutable: every operation returns a new one.
 */
@ProviderType
public interface Tensor extends AutoCloseable {

  DType dtype();

  Shape shape();

  /** Bytes this tensor holds on its device. */
  default long byteSize() {
    return shape().elementCount() * dtype().byteSize();
  }

  boolean isClosed();

  /** Releases the device memory; idempotent. */
  @Override
  void close();
}
