package io.citrate.tensor.internal.opencl;

import static org.jocl.CL.clReleaseMemObject;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.jocl.cl_mem;

/** Device memory of one OpenCL context; at least one element is allocated so an empty tensor has a handle. */
final class OpenClBuffer implements DeviceBuffer {
  private final OpenClKernels owner;
  private final DType dtype;
  private final int count;
  private final AtomicReference<cl_mem> memory;

  OpenClBuffer(OpenClKernels owner, DType dtype, int count, cl_mem memory) {
    this.owner = owner;
    this.dtype = dtype;
    this.count = count;
    this.memory = new AtomicReference<>(memory);
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  @Override
  public int count() {
    return count;
  }

  long bytes() {
    return (long) count * dtype.byteSize();
  }

  OpenClKernels owner() {
    return owner;
  }

  cl_mem handle() {
    cl_mem handle = memory.get();
    if (handle == null) {
      throw new TensorException(TensorException.Kind.CLOSED, "the device buffer was released");
    }
    return handle;
  }

  @Override
  public void close() {
    cl_mem handle = memory.getAndSet(null);
    if (handle != null) {
      clReleaseMemObject(handle);
    }
  }
}
