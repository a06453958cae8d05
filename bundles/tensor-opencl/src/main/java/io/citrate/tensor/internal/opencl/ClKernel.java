package io.citrate.tensor.internal.opencl;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * A kernel object shared by every caller. Setting arguments and enqueueing happen under one lock, since a
 * cl_kernel's arguments are state that concurrent callers would otherwise overwrite between the two steps.
 */
final class ClKernel {
  private final String name;
  private final cl_kernel kernel;

  ClKernel(String name, cl_kernel kernel) {
    this.name = name;
    this.kernel = kernel;
  }

  String name() {
    return name;
  }

  cl_kernel handle() {
    return kernel;
  }

  /**
   * Enqueues over {@code global} work-items in groups of {@code local}; arguments are cl_mem, Integer, Long or
   * Float. {@code done} receives the event of the launch.
   */
  synchronized void enqueue(cl_command_queue queue, long[] global, long[] local, cl_event done,
      Object... arguments) {
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument instanceof cl_mem memory) {
        clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(memory));
      } else if (argument instanceof Integer value) {
        clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {value}));
      } else if (argument instanceof Long value) {
        clSetKernelArg(kernel, i, Sizeof.cl_long, Pointer.to(new long[] {value}));
      } else if (argument instanceof Float value) {
        clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {value}));
      } else {
        throw new IllegalArgumentException("kernel " + name + " takes no " + argument);
      }
    }
    clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, done);
  }

  void release() {
    clReleaseKernel(kernel);
  }
}
