package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.internal.kernel.DeviceBuffer;

/** A tensor of a {@link Session}: its device buffer, type and shape; closing it gives the memory back. */
final class SessionTensor implements Tensor {
  private final Session session;
  private final DeviceBuffer buffer;
  private final Shape shape;
  private boolean closed;

  SessionTensor(Session session, DeviceBuffer buffer, Shape shape) {
    this.session = session;
    this.buffer = buffer;
    this.shape = shape;
  }

  Session session() {
    return session;
  }

  DeviceBuffer buffer() {
    return buffer;
  }

  int[] dims() {
    return shape.dims();
  }

  int count() {
    return buffer.count();
  }

  @Override
  public DType dtype() {
    return buffer.dtype();
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Marks the tensor closed and releases its buffer; true the first time only. */
  boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    buffer.close();
    return true;
  }

  @Override
  public void close() {
    session.release(this);
  }

  @Override
  public String toString() {
    return "Tensor" + shape + " " + dtype() + (closed ? " (closed)" : "");
  }
}
