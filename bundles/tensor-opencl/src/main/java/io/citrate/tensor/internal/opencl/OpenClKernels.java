package io.citrate.tensor.internal.opencl;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clWaitForEvents;

import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.BinaryOp;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Broadcast;
import io.citrate.tensor.internal.kernel.Geometry.Channels;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Copy;
import io.citrate.tensor.internal.kernel.Geometry.Gather;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.Geometry.Rows;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.kernel.PoolKind;
import io.citrate.tensor.internal.kernel.ReduceOp;
import io.citrate.tensor.internal.kernel.UnaryOp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenCL backend: one context and one in-order command queue on the selected device. Every operation
 * enqueues its kernels and waits for the last, so an error surfaces in the call that caused it and the
 * caller's timing covers the work. Matrix products run a register-blocked kernel on CPUs and a local-memory
 * tiled kernel sized from the device's limits elsewhere; convolutions unfold through im2col into those
 * products, or run directly when their groups hold few filters; the rest run one work-item per output value.
 * Kernels are shared by all callers; each one's arguments are set and enqueued under its own lock.
 */
public final class OpenClKernels implements Kernels {
  private static final Logger LOG = LoggerFactory.getLogger(OpenClKernels.class);
  private static final String RESOURCES = "/io/citrate/tensor/internal/opencl/";
  private static final String[] ELEMENTWISE_KERNELS = {"convert_values", "binary_integer_values", "where_values",
      "unary_integer_values", "copy_values", "gather_values", "pool_values", "reduce_values",
      "softmax_values", "layer_norm_values", "channel_affine_values", "quantize_values", "dequantize_values",
      "requantize_float_values", "requantize_fixed_values", "im2col_values"};
  private static final int ELEMENTWISE_GROUP = 256;
  /** Outputs along a row that one work-item of the direct convolution computes (DIRECT_RUN in gemm.cl). */
  private static final int DIRECT_RUN = 16;
  /** Upper bound of the im2col buffer; larger convolutions unfold a band of output positions at a time. */
  private static final long MAX_IM2COL_BYTES = 64L << 20;

  /**
   * Values of a float B (k x n) up to which the register-blocked product reads it in place. Beyond, B no longer
   * stays in the last-level cache between row blocks: SGEMM on PoCL fell from 173 GFLOP/s at 1024 to 40 at
   * 2048 (2100 as slow, so not a power-of-two stride), and packing B into panels lifted 1536 to 4096 to
   * 1024's rate, while it slowed 512.
   */
  private static final long IN_PLACE_B_VALUES = 1L << 20;

  /**
   * Fewest rows of C for which a large B is packed: below it the row blocks are too few to reuse the panels.
   * Packing the im2col product of a 64-filter 3 x 3 convolution over 56 x 56 made it about twice as slow on PoCL
   * (7.5 against 3.4 ms in paired runs).
   */
  private static final int ROWS_FIRST_MIN_ROWS = 256;

  /** Panels of packed operands above this size make the product fall back to the tiled kernel. */
  private static final long MAX_PANEL_BYTES = 256L << 20;

  /**
   * One element kind's product kernels: the tiled one and the direct convolution always, and on CPUs the
   * register-blocked product with its packing kernels (null elsewhere).
   */
  private record Gemm(GemmTiling tiling, ClKernel tiled, ClKernel convDirect, ClKernel blocked, ClKernel packA,
      ClKernel packB) {
    void release() {
      for (ClKernel kernel : new ClKernel[] {tiled, convDirect, blocked, packA, packB}) {
        if (kernel != null) {
          kernel.release();
        }
      }
    }
  }

  private final OpenClDevice device;
  private final cl_context context;
  private final cl_command_queue queue;
  private final ProgramBuilder builder;
  private final List<cl_program> programs = new ArrayList<>();
  private final Map<String, ClKernel> kernels = new HashMap<>();
  private final Map<GemmTiling.Kind, Gemm> gemms = new HashMap<>();
  /**
   * Calls, transfers and allocations hold the read side while they use the context; closing takes the write
   * side, so it waits for work in flight and nothing touches the released context afterwards.
   */
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;
  /** Work-group size of the one-work-item-per-value kernels and of packing. */
  private final int elementwiseGroup;

  /**
   * Opens the device the selector names and builds every program.
   *
   * @param binaryCache directory for compiled program binaries, or null to compile on every open
   * @throws OpenClUnavailableException when OpenCL, a platform, the device or a working compiler is missing
   */
  public static OpenClKernels open(OpenClDeviceSelector selector, Path binaryCache) {
    return open(selector, binaryCache, true);
  }

  /**
   * Opens with the choice of product kernel: {@code registerBlocked} false runs the local-memory tiled kernel
   * on a CPU too, which lets tests check the GPU kernel on any device.
   */
  static OpenClKernels open(OpenClDeviceSelector selector, Path binaryCache, boolean registerBlocked) {
    OpenClDevice device = OpenClDevice.select(selector);
    cl_context context;
    try {
      context = clCreateContext(null, 1, new cl_device_id[] {device.id()}, null, null, null);
    } catch (CLException e) {
      throw OpenClErrors.unavailable("creating a context on " + device.name(), e);
    }
    cl_command_queue queue;
    try {
      @SuppressWarnings("deprecation") // clCreateCommandQueueWithProperties needs OpenCL 2.0; this works on 1.2 too
      cl_command_queue created = clCreateCommandQueue(context, device.id(), 0, null);
      queue = created;
    } catch (CLException e) {
      clReleaseContext(context);
      throw OpenClErrors.unavailable("creating a command queue on " + device.name(), e);
    }
    try {
      return new OpenClKernels(device, context, queue, binaryCache, registerBlocked && device.isCpu());
    } catch (RuntimeException e) {
      clReleaseCommandQueue(queue);
      clReleaseContext(context);
      throw e;
    }
  }

  /** Every device of every OpenCL platform, none marked in use. */
  public static List<ComputeDevice> listDevices() {
    return OpenClDevice.enumerate().stream().map(d -> d.describe(false)).toList();
  }

  private OpenClKernels(OpenClDevice device, cl_context context, cl_command_queue queue, Path binaryCache,
      boolean registerBlocked) {
    this.device = device;
    this.context = context;
    this.queue = queue;
    this.builder = new ProgramBuilder(context, device, binaryCache);
    try {
      cl_program elementwise = builder.build("elementwise.cl", ProgramBuilder.resource(RESOURCES + "elementwise.cl"),
          commonOptions());
      programs.add(elementwise);
      long group = Math.min(ELEMENTWISE_GROUP, Math.min(device.maxWorkGroupSize(), device.maxWorkItemSizes()[0]));
      for (String name : elementwiseKernelNames()) {
        ClKernel kernel = new ClKernel(name, clCreateKernel(elementwise, name, null));
        kernels.put(name, kernel);
        group = Math.min(group, kernelWorkGroupLimit(kernel));
      }
      elementwiseGroup = (int) group;
      String gemmSource = ProgramBuilder.resource(RESOURCES + "gemm.cl");
      for (GemmTiling.Kind kind : GemmTiling.Kind.values()) {
        gemms.put(kind, buildGemm(kind, gemmSource, registerBlocked));
      }
    } catch (CLException e) {
      releasePrograms();
      throw OpenClErrors.unavailable("building the kernels for " + device.name(), e);
    } catch (RuntimeException e) {
      releasePrograms();
      throw e;
    }
    LOG.info("OpenCL on {} / {}: {} programs compiled, {} loaded from the binary cache; matmul tiling {}",
        device.platform(), device.name(), builder.compiled(), builder.loadedFromCache(),
        gemms.get(GemmTiling.Kind.FLOAT).tiling());
  }

  private static List<String> elementwiseKernelNames() {
    List<String> names = new ArrayList<>(List.of(ELEMENTWISE_KERNELS));
    for (UnaryOp op : UnaryOp.values()) {
      names.add(floatKernel(op));
    }
    for (BinaryOp op : BinaryOp.values()) {
      names.add(floatKernel(op));
    }
    return names;
  }

  /** The float kernel of a binary operation: add_float_values, ... */
  private static String floatKernel(BinaryOp op) {
    return op.name().toLowerCase(Locale.ROOT) + "_float_values";
  }

  /** The float kernel of a unary operation: relu_values, gelu_tanh_values, ... */
  private static String floatKernel(UnaryOp op) {
    return op.name().toLowerCase(Locale.ROOT) + "_values";
  }

  private String commonOptions() {
    StringBuilder options = new StringBuilder();
    if (device.correctlyRoundedDivideSqrt()) {
      options.append("-cl-fp32-correctly-rounded-divide-sqrt ");
    }
    if (device.hasExtension("cl_khr_fp64")) {
      options.append("-D HAS_FP64=1 ");
    }
    options.append("-D HAS_FMA=").append(device.fusedMultiplyAdd() ? 1 : 0);
    return options.toString();
  }

  /** Builds the product kernel of one kind, shrinking the tiling until the compiled kernel fits the device. */
  private Gemm buildGemm(GemmTiling.Kind kind, String source, boolean registerBlocked) {
    GemmTiling tiling = GemmTiling.initial(device, kind).fit(device, kind, Long.MAX_VALUE);
    while (true) {
      cl_program program = builder.build("gemm.cl " + kind, source, commonOptions() + " " + tiling.options(kind));
      programs.add(program);
      ClKernel kernel = new ClKernel("gemm " + kind, clCreateKernel(program, "gemm", null));
      long limit = kernelWorkGroupLimit(kernel);
      if (tiling.workGroupSize() <= limit) {
        ClKernel convDirect = new ClKernel("conv_direct " + kind, clCreateKernel(program, "conv_direct", null));
        if (!registerBlocked) {
          return new Gemm(tiling, kernel, convDirect, null, null, null);
        }
        return new Gemm(tiling, kernel, convDirect,
            new ClKernel("gemm_blocked " + kind, clCreateKernel(program, "gemm_blocked", null)),
            new ClKernel("pack_a " + kind, clCreateKernel(program, "pack_a", null)),
            new ClKernel("pack_b " + kind, clCreateKernel(program, "pack_b", null)));
      }
      GemmTiling smaller = tiling.fit(device, kind, limit);
      kernel.release();
      if (smaller.equals(tiling)) {
        throw new OpenClUnavailableException("no " + kind + " matrix-product tiling fits " + device.name()
            + " (kernel work-group limit " + limit + ")");
      }
      tiling = smaller;
    }
  }

  private long kernelWorkGroupLimit(ClKernel kernel) {
    long[] limit = new long[1];
    clGetKernelWorkGroupInfo(kernel.handle(), device.id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
        Pointer.to(limit), null);
    return limit[0];
  }

  /** Programs loaded from the binary cache rather than compiled. */
  int programsLoadedFromCache() {
    return builder.loadedFromCache();
  }

  @Override
  public String backendName() {
    return "opencl";
  }

  @Override
  public String deviceName() {
    return device.platform() + " / " + device.name();
  }

  /** The device in use. */
  public ComputeDevice device() {
    return device.describe(true);
  }

  @Override
  public DeviceBuffer allocate(DType dtype, int count) {
    enter();
    try {
      return allocateOpen(dtype, count);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private DeviceBuffer allocateOpen(DType dtype, int count) {
    if (count < 0) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "negative element count " + count);
    }
    long bytes = Math.max(1L, count) * dtype.byteSize();
    if (bytes > device.maxAllocationBytes()) {
      throw new TensorException(TensorException.Kind.LIMIT_EXCEEDED, bytes + " bytes exceed the largest allocation "
          + device.name() + " allows (" + device.maxAllocationBytes() + ")");
    }
    try {
      return new OpenClBuffer(this, dtype, count, clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null));
    } catch (CLException e) {
      throw OpenClErrors.failure("allocating " + bytes + " bytes", e);
    }
  }

  @Override
  public void write(DeviceBuffer target, float[] values) {
    OpenClBuffer buffer = buffer(target, DType.FLOAT32);
    requireLength(buffer, values.length);
    transfer("writing", buffer, Pointer.to(values), true);
  }

  @Override
  public void write(DeviceBuffer target, int[] values) {
    OpenClBuffer buffer = buffer(target);
    requireExact(buffer);
    requireLength(buffer, values.length);
    if (buffer.dtype().byteSize() == 1) {
      byte[] bytes = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        bytes[i] = (byte) values[i];
      }
      transfer("writing", buffer, Pointer.to(bytes), true);
    } else {
      transfer("writing", buffer, Pointer.to(values), true);
    }
  }

  @Override
  public float[] readFloats(DeviceBuffer source) {
    OpenClBuffer buffer = buffer(source, DType.FLOAT32);
    float[] values = new float[buffer.count()];
    transfer("reading", buffer, Pointer.to(values), false);
    return values;
  }

  @Override
  public int[] readInts(DeviceBuffer source) {
    OpenClBuffer buffer = buffer(source);
    requireExact(buffer);
    int[] values = new int[buffer.count()];
    if (buffer.dtype().byteSize() == 1) {
      byte[] bytes = new byte[values.length];
      transfer("reading", buffer, Pointer.to(bytes), false);
      boolean signed = buffer.dtype() == DType.INT8;
      for (int i = 0; i < bytes.length; i++) {
        values[i] = signed ? bytes[i] : bytes[i] & 0xFF;
      }
    } else {
      transfer("reading", buffer, Pointer.to(values), false);
    }
    return values;
  }

  private void transfer(String what, OpenClBuffer buffer, Pointer host, boolean write) {
    if (buffer.count() == 0) {
      return;
    }
    enter();
    try {
      if (write) {
        clEnqueueWriteBuffer(queue, buffer.handle(), CL_TRUE, 0, buffer.bytes(), host, 0, null, null);
      } else {
        clEnqueueReadBuffer(queue, buffer.handle(), CL_TRUE, 0, buffer.bytes(), host, 0, null, null);
      }
    } catch (CLException e) {
      throw OpenClErrors.failure(what + " " + buffer.bytes() + " bytes", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void convert(DeviceBuffer input, DeviceBuffer output) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output);
    requireLength(out, in.count());
    try (Call call = new Call("convert")) {
      call.run("convert_values", in.count(), in.handle(), typeCode(in), out.handle(), typeCode(out));
    }
  }

  @Override
  public void binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Broadcast geometry) {
    OpenClBuffer left = buffer(a);
    OpenClBuffer right = buffer(b, left.dtype());
    OpenClBuffer result = buffer(out, left.dtype());
    if (op == BinaryOp.POW && left.dtype() != DType.FLOAT32) {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "POW takes float32, not " + left.dtype());
    }
    int[] dims = geometry.dims();
    requireLength(result, geometry.count());
    requireStrides(geometry, 2);
    requireWithin(left, dims, 0, geometry.strides()[0]);
    requireWithin(right, dims, 0, geometry.strides()[1]);
    try (Call call = new Call("binary")) {
      boolean contiguous = isContiguous(dims, geometry.strides()[0]) && isContiguous(dims, geometry.strides()[1]);
      cl_mem strides = call.ints(concat(dims, geometry.strides()[0], geometry.strides()[1]));
      int rank = contiguous ? -1 : dims.length;
      if (left.dtype() == DType.FLOAT32) {
        call.run(floatKernel(op), result.count(), left.handle(), right.handle(), result.handle(), strides, rank);
      } else {
        call.run("binary_integer_values", result.count(), op.ordinal(), typeCode(left), left.handle(),
            right.handle(), result.handle(), strides, rank);
      }
    }
  }

  @Override
  public void where(DeviceBuffer condition, DeviceBuffer x, DeviceBuffer y, DeviceBuffer out, Broadcast geometry) {
    OpenClBuffer mask = buffer(condition, DType.UINT8);
    OpenClBuffer first = buffer(x);
    OpenClBuffer second = buffer(y, first.dtype());
    OpenClBuffer result = buffer(out, first.dtype());
    int[] dims = geometry.dims();
    requireLength(result, geometry.count());
    requireStrides(geometry, 3);
    requireWithin(mask, dims, 0, geometry.strides()[0]);
    requireWithin(first, dims, 0, geometry.strides()[1]);
    requireWithin(second, dims, 0, geometry.strides()[2]);
    try (Call call = new Call("where")) {
      boolean contiguous = isContiguous(dims, geometry.strides()[0]) && isContiguous(dims, geometry.strides()[1])
          && isContiguous(dims, geometry.strides()[2]);
      call.run("where_values", result.count(), mask.handle(), first.handle(), second.handle(), result.handle(),
          call.ints(concat(dims, geometry.strides()[0], geometry.strides()[1], geometry.strides()[2])),
          contiguous ? -1 : dims.length, first.dtype().byteSize());
    }
  }

  @Override
  public void unary(UnaryOp op, DeviceBuffer input, DeviceBuffer output, double p0, double p1) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output, in.dtype());
    requireLength(out, in.count());
    try (Call call = new Call("unary")) {
      if (in.dtype() == DType.FLOAT32) {
        call.run(floatKernel(op), in.count(), in.handle(), out.handle(), (float) p0, (float) p1);
        return;
      }
      boolean applies = op == UnaryOp.RELU || op == UnaryOp.CLIP
          || (op == UnaryOp.LEAKY_RELU && in.dtype() == DType.Q16_16);
      if (!applies) {
        throw new TensorException(TensorException.Kind.WRONG_DTYPE, op + " does not apply to " + in.dtype());
      }
      call.run("unary_integer_values", in.count(), op.ordinal(), typeCode(in), in.handle(), out.handle(),
          (long) p0, (long) p1);
    }
  }

  @Override
  public void copy(DeviceBuffer input, DeviceBuffer output, Copy geometry) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output, in.dtype());
    int[] dims = geometry.dims();
    if (geometry.inStrides().length != dims.length || geometry.outStrides().length != dims.length) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "copy strides do not match its rank");
    }
    requireWithin(in, dims, geometry.inOffset(), geometry.inStrides());
    requireWithin(out, dims, geometry.outOffset(), geometry.outStrides());
    int count = product(dims);
    try (Call call = new Call("copy")) {
      call.run("copy_values", count, in.handle(), out.handle(),
          call.ints(concat(dims, geometry.inStrides(), geometry.outStrides())), dims.length, geometry.inOffset(),
          geometry.outOffset(), in.dtype().byteSize());
    }
  }

  @Override
  public void gather(DeviceBuffer data, DeviceBuffer indices, DeviceBuffer out, Gather geometry) {
    OpenClBuffer in = buffer(data);
    OpenClBuffer index = buffer(indices, DType.INT32);
    OpenClBuffer result = buffer(out, in.dtype());
    requireAtLeast(in, (long) geometry.outer() * geometry.axisLength() * geometry.inner());
    requireAtLeast(index, geometry.indexCount());
    requireLength(result, (long) geometry.outer() * geometry.indexCount() * geometry.inner());
    try (Call call = new Call("gather")) {
      call.run("gather_values", result.count(), in.handle(), index.handle(), result.handle(), geometry.axisLength(),
          geometry.inner(), geometry.indexCount(), in.dtype().byteSize());
    }
  }

  @Override
  public void matmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry) {
    OpenClBuffer left = buffer(a);
    OpenClBuffer right = buffer(b, left.dtype());
    OpenClBuffer result = buffer(out, left.dtype());
    GemmTiling.Kind kind;
    int mode;
    switch (left.dtype()) {
      case FLOAT32 -> {
        kind = GemmTiling.Kind.FLOAT;
        mode = 0;
      }
      case INT32 -> {
        kind = GemmTiling.Kind.WIDE;
        mode = 0;
      }
      case Q16_16 -> {
        kind = GemmTiling.Kind.WIDE;
        mode = 1;
      }
      default -> throw new TensorException(TensorException.Kind.WRONG_DTYPE,
          "matmul takes float32, int32 or q16_16, not " + left.dtype());
    }
    try (Call call = new Call("matmul")) {
      call.matmul(kind, mode, left, right, result, geometry, null, 0, null, 0);
    }
  }

  @Override
  public void matmulInteger(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry, int[] aZero,
      int[] bZero) {
    OpenClBuffer left = buffer(a);
    OpenClBuffer right = buffer(b);
    OpenClBuffer result = buffer(out, DType.INT32);
    requireQuantized(left);
    requireQuantized(right);
    requireParameters("a zero points", aZero, geometry.m());
    requireParameters("b zero points", bZero, geometry.n());
    requireZeroPoints("a zero points", aZero, left.dtype());
    requireZeroPoints("b zero points", bZero, right.dtype());
    int mode = (left.dtype() == DType.INT8 ? 1 : 0) | (right.dtype() == DType.INT8 ? 2 : 0);
    try (Call call = new Call("matmulInteger")) {
      call.matmul(GemmTiling.Kind.BYTE, mode, left, right, result, geometry, call.ints(aZero), aZero.length,
          call.ints(bZero), bZero.length);
    }
  }

  @Override
  public void conv2d(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer bias, DeviceBuffer out, Conv geometry) {
    OpenClBuffer input = buffer(x);
    OpenClBuffer filter = buffer(weights, input.dtype());
    OpenClBuffer result = buffer(out, input.dtype());
    OpenClBuffer biasBuffer = bias == null ? null : buffer(bias, input.dtype());
    if (biasBuffer != null) {
      requireLength(biasBuffer, geometry.outChannels());
    }
    GemmTiling.Kind kind;
    int mode;
    switch (input.dtype()) {
      case FLOAT32 -> {
        kind = GemmTiling.Kind.FLOAT;
        mode = biasBuffer == null ? 0 : 1;
      }
      case Q16_16 -> {
        kind = GemmTiling.Kind.WIDE;
        mode = 1 | (biasBuffer == null ? 0 : 2);
      }
      default -> throw new TensorException(TensorException.Kind.WRONG_DTYPE,
          "conv2d takes float32 or q16_16, not " + input.dtype());
    }
    try (Call call = new Call("conv2d")) {
      call.convolve(kind, mode, input, filter, result, geometry,
          biasBuffer == null ? null : biasBuffer.handle(), biasBuffer == null ? 0 : geometry.outChannels(), null, 0,
          0);
    }
  }

  @Override
  public void convInteger(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer out, Conv geometry, int xZero,
      int[] wZero) {
    OpenClBuffer input = buffer(x);
    OpenClBuffer filter = buffer(weights);
    OpenClBuffer result = buffer(out, DType.INT32);
    requireQuantized(input);
    requireQuantized(filter);
    requireParameters("weight zero points", wZero, geometry.outChannels());
    requireZeroPoints("weight zero points", wZero, filter.dtype());
    requireZeroPoints("the input zero point", new int[] {xZero}, input.dtype());
    int mode = (filter.dtype() == DType.INT8 ? 1 : 0) | (input.dtype() == DType.INT8 ? 2 : 0);
    try (Call call = new Call("convInteger")) {
      call.convolve(GemmTiling.Kind.BYTE, mode, input, filter, result, geometry, call.ints(wZero), wZero.length,
          call.ints(new int[] {xZero}), 1, xZero);
    }
  }

  @Override
  public void pool(PoolKind kind, DeviceBuffer input, DeviceBuffer output, DeviceBuffer indices, Pool geometry) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output, in.dtype());
    OpenClBuffer indexBuffer = indices == null ? null : buffer(indices, DType.INT32);
    int[][] parts = {geometry.inDims(), geometry.outDims(), geometry.kernel(), geometry.strides(),
        geometry.padBegin(), geometry.padEnd(), geometry.dilations()};
    for (int[] part : parts) {
      if (part.length != 3) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "pool geometry must have 3 spatial axes");
      }
    }
    requireLength(in, (long) geometry.planes() * product(geometry.inDims()));
    requireLength(out, (long) geometry.planes() * product(geometry.outDims()));
    if (indexBuffer != null) {
      requireLength(indexBuffer, out.count());
    }
    try (Call call = new Call("pool")) {
      cl_mem geometryBuffer = call.ints(concat(parts));
      call.run("pool_values", out.count(), kind.ordinal(), typeCode(in), in.handle(), out.handle(),
          indexBuffer == null ? geometryBuffer : indexBuffer.handle(), indexBuffer == null ? 0 : 1, geometryBuffer);
    }
  }

  @Override
  public void reduce(ReduceOp op, DeviceBuffer input, DeviceBuffer output, Rows geometry) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output, in.dtype());
    requireRows(in, out, geometry, geometry.outer() * (long) geometry.inner());
    try (Call call = new Call("reduce")) {
      call.run("reduce_values", out.count(), op.ordinal(), typeCode(in), in.handle(), out.handle(),
          geometry.length(), geometry.inner());
    }
  }

  @Override
  public void softmax(DeviceBuffer input, DeviceBuffer output, Rows geometry) {
    OpenClBuffer in = buffer(input, DType.FLOAT32);
    OpenClBuffer out = buffer(output, DType.FLOAT32);
    requireRows(in, out, geometry, in.count());
    try (Call call = new Call("softmax")) {
      if (geometry.length() > 0) {
        call.run("softmax_values", geometry.outer() * geometry.inner(), in.handle(), out.handle(), geometry.length(),
            geometry.inner());
      }
    }
  }

  @Override
  public void layerNorm(DeviceBuffer input, DeviceBuffer scale, DeviceBuffer bias, DeviceBuffer output,
      DeviceBuffer mean, DeviceBuffer inverseStdDev, Rows geometry, float epsilon) {
    OpenClBuffer in = buffer(input, DType.FLOAT32);
    OpenClBuffer scales = buffer(scale, DType.FLOAT32);
    OpenClBuffer offsets = bias == null ? null : buffer(bias, DType.FLOAT32);
    OpenClBuffer out = buffer(output, DType.FLOAT32);
    OpenClBuffer means = mean == null ? null : buffer(mean, DType.FLOAT32);
    OpenClBuffer inverses = inverseStdDev == null ? null : buffer(inverseStdDev, DType.FLOAT32);
    int rows = geometry.outer() * geometry.inner();
    requireRows(in, out, geometry, in.count());
    requireLength(scales, geometry.length());
    if (offsets != null) {
      requireLength(offsets, geometry.length());
    }
    if (means != null) {
      requireLength(means, rows);
    }
    if (inverses != null) {
      requireLength(inverses, rows);
    }
    try (Call call = new Call("layerNorm")) {
      if (geometry.length() > 0) {
        call.run("layer_norm_values", rows, in.handle(), scales.handle(),
            offsets == null ? scales.handle() : offsets.handle(), offsets == null ? 0 : 1, out.handle(),
            means == null ? out.handle() : means.handle(), inverses == null ? out.handle() : inverses.handle(),
            (means == null ? 0 : 1) | (inverses == null ? 0 : 2), geometry.length(), geometry.inner(), epsilon);
      }
    }
  }

  @Override
  public void channelAffine(DeviceBuffer input, DeviceBuffer output, Channels geometry, float[] scales,
      float[] offsets) {
    OpenClBuffer in = buffer(input, DType.FLOAT32);
    OpenClBuffer out = buffer(output, DType.FLOAT32);
    requireChannels(in, out, geometry);
    requireParameters("scales", scales.length, geometry.channels());
    requireParameters("offsets", offsets.length, geometry.channels());
    try (Call call = new Call("channelAffine")) {
      call.run("channel_affine_values", in.count(), in.handle(), out.handle(), geometry.channels(), geometry.inner(),
          call.floats(scales), scales.length, call.floats(offsets), offsets.length);
    }
  }

  @Override
  public void quantize(DeviceBuffer input, DeviceBuffer output, Channels geometry, float[] scales,
      int[] zeroPoints) {
    OpenClBuffer in = buffer(input, DType.FLOAT32);
    OpenClBuffer out = buffer(output);
    requireQuantized(out);
    requireChannels(in, out, geometry);
    requireParameters("scales", scales.length, geometry.channels());
    requireParameters("zero points", zeroPoints, geometry.channels());
    try (Call call = new Call("quantize")) {
      call.run("quantize_values", in.count(), in.handle(), out.handle(), typeCode(out), geometry.channels(),
          geometry.inner(), call.floats(scales), scales.length, call.ints(zeroPoints), zeroPoints.length);
    }
  }

  @Override
  public void dequantize(DeviceBuffer input, DeviceBuffer output, Channels geometry, float[] scales,
      int[] zeroPoints) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output, DType.FLOAT32);
    if (!in.dtype().isQuantized() && in.dtype() != DType.INT32) {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "dequantize takes int8, uint8 or int32");
    }
    requireChannels(in, out, geometry);
    requireParameters("scales", scales.length, geometry.channels());
    requireParameters("zero points", zeroPoints, geometry.channels());
    try (Call call = new Call("dequantize")) {
      call.run("dequantize_values", in.count(), in.handle(), typeCode(in), out.handle(), geometry.channels(),
          geometry.inner(), call.floats(scales), scales.length, call.ints(zeroPoints), zeroPoints.length);
    }
  }

  @Override
  public void requantizeFloat(DeviceBuffer input, DeviceBuffer output, Channels geometry, float[] multipliers,
      int[] zeroPoints) {
    OpenClBuffer in = buffer(input, DType.INT32);
    OpenClBuffer out = buffer(output);
    requireQuantized(out);
    requireChannels(in, out, geometry);
    requireParameters("multipliers", multipliers.length, geometry.channels());
    requireParameters("zero points", zeroPoints, geometry.channels());
    try (Call call = new Call("requantizeFloat")) {
      call.run("requantize_float_values", in.count(), in.handle(), out.handle(), typeCode(out), geometry.channels(),
          geometry.inner(), call.floats(multipliers), multipliers.length, call.ints(zeroPoints), zeroPoints.length);
    }
  }

  @Override
  public void requantizeFixed(DeviceBuffer input, DeviceBuffer output, Channels geometry, int[] inZero,
      int[] multipliers, int[] shifts, int[] outZero) {
    OpenClBuffer in = buffer(input);
    OpenClBuffer out = buffer(output);
    requireExact(in);
    requireExact(out);
    requireChannels(in, out, geometry);
    requireParameters("input zero points", inZero, geometry.channels());
    requireParameters("multipliers", multipliers, geometry.channels());
    requireParameters("shifts", shifts, geometry.channels());
    requireParameters("output zero points", outZero, geometry.channels());
    for (int shift : shifts) {
      if (shift < 0 || shift > 62) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "shift " + shift + " is outside [0, 62]");
      }
    }
    try (Call call = new Call("requantizeFixed")) {
      call.run("requantize_fixed_values", in.count(), in.handle(), typeCode(in), out.handle(), typeCode(out),
          geometry.channels(), geometry.inner(), call.ints(inZero), inZero.length, call.ints(multipliers),
          multipliers.length, call.ints(shifts), shifts.length, call.ints(outZero), outZero.length);
    }
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        releasePrograms();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void releasePrograms() {
    kernels.values().forEach(ClKernel::release);
    gemms.values().forEach(Gemm::release);
    programs.forEach(program -> clReleaseProgram(program));
  }

  /** Takes the read side of the lifecycle lock, or fails if the backend is closed; the caller unlocks. */
  private void enter() {
    lifecycle.readLock().lock();
    if (closed) {
      lifecycle.readLock().unlock();
      throw new TensorException(TensorException.Kind.CLOSED, "the OpenCL backend was closed");
    }
  }

  /**
   * One operation: the temporary buffers it creates live until its kernels have finished, which closing the
   * call waits for. Driver errors become BACKEND_FAILURE naming the operation and the OpenCL error.
   */
  private final class Call implements AutoCloseable {
    private final String operation;
    private final List<cl_mem> temporaries = new ArrayList<>();
    /** The last launch's event: the queue is in order, so its completion means the call's. */
    private cl_event last;

    Call(String operation) {
      enter();
      this.operation = operation;
    }

    cl_mem ints(int[] values) {
      int[] data = values.length == 0 ? new int[1] : values;
      return temporary(Sizeof.cl_int * (long) data.length, Pointer.to(data));
    }

    cl_mem floats(float[] values) {
      float[] data = values.length == 0 ? new float[1] : values;
      return temporary(Sizeof.cl_float * (long) data.length, Pointer.to(data));
    }

    cl_mem scratch(long bytes) {
      try {
        cl_mem memory = clCreateBuffer(context, CL_MEM_READ_WRITE, Math.max(1, bytes), null, null);
        temporaries.add(memory);
        return memory;
      } catch (CLException e) {
        throw OpenClErrors.failure(operation + " allocating " + bytes + " bytes of scratch", e);
      }
    }

    private cl_mem temporary(long bytes, Pointer data) {
      try {
        cl_mem memory = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, data, null);
        temporaries.add(memory);
        return memory;
      } catch (CLException e) {
        throw OpenClErrors.failure(operation + " uploading parameters", e);
      }
    }

    /**
     * One work-item per value over {@code count} values, in work-groups of a fixed size (a CPU driver compiles
     * a kernel once per work-group size, so letting it pick one per call would recompile); the kernel takes
     * the count last and skips the padding. Nothing to do for none.
     */
    void run(String kernel, int count, Object... arguments) {
      if (count > 0) {
        Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
        withCount[arguments.length] = count;
        enqueue(kernels.get(kernel), new long[] {roundUp(count, elementwiseGroup)}, new long[] {elementwiseGroup},
            withCount);
      }
    }

    void enqueue(ClKernel kernel, long[] global, long[] local, Object... arguments) {
      try {
        cl_event done = new cl_event();
        kernel.enqueue(queue, global, local, done, arguments);
        if (last != null) {
          clReleaseEvent(last);
        }
        last = done;
      } catch (CLException e) {
        throw OpenClErrors.failure(operation + " in kernel " + kernel.name(), e);
      }
    }

    void matmul(GemmTiling.Kind kind, int mode, OpenClBuffer a, OpenClBuffer b, OpenClBuffer c, Matmul g,
        cl_mem rowParameters, int rowParameterCount, cl_mem columnParameters, int columnParameterCount) {
      int m = g.m();
      int n = g.n();
      int k = g.k();
      if (g.aOffsets().length != g.batch() || g.bOffsets().length != g.batch()) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "matmul offsets do not match its batch");
      }
      requireLength(c, (long) g.batch() * m * n);
      int[] offsets = new int[4 * g.batch()];
      for (int i = 0; i < g.batch(); i++) {
        requireRange(a, g.aOffsets()[i], (long) m * k);
        requireRange(b, g.bOffsets()[i], (long) k * n);
        offsets[4 * i] = g.aOffsets()[i];
        offsets[4 * i + 1] = g.bOffsets()[i];
        offsets[4 * i + 2] = i * m * n;
      }
      gemm(kind, mode, a.handle(), b.handle(), c.handle(), offsets, g.batch(), m, n, k,
          g.transA() ? m : k, g.transB() ? k : n, n, g.transA(), g.transB(), rowParameters, rowParameterCount,
          columnParameters, columnParameterCount);
    }

    void convolve(GemmTiling.Kind kind, int mode, OpenClBuffer x, OpenClBuffer w, OpenClBuffer out, Conv g,
        cl_mem rowParameters, int rowParameterCount, cl_mem columnParameters, int columnParameterCount,
        int padding) {
      int groups = g.groups();
      if (groups <= 0 || g.inChannels() % groups != 0 || g.outChannels() % groups != 0) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "channels do not divide into groups");
      }
      int filtersPerGroup = g.outChannels() / groups;
      int channelsPerGroup = g.inChannels() / groups;
      int depth = channelsPerGroup * g.kernelHeight() * g.kernelWidth();
      int positions = g.outHeight() * g.outWidth();
      int inPlane = g.inHeight() * g.inWidth();
      requireLength(x, (long) g.batch() * g.inChannels() * inPlane);
      requireLength(w, (long) g.outChannels() * depth);
      requireLength(out, (long) g.batch() * g.outChannels() * positions);
      if (out.count() == 0) {
        return;
      }
      cl_mem parameters = rowParameters == null ? ints(new int[1]) : rowParameters;
      cl_mem columns = columnParameters == null ? parameters : columnParameters;
      if (filtersPerGroup < GemmTiling.PACK_ROWS) {
        // Few filters per group (depthwise): a product would leave most of every block empty.
        cl_mem geometry = ints(new int[] {g.inChannels(), g.inHeight(), g.inWidth(), g.kernelHeight(),
            g.kernelWidth(), g.outHeight(), g.outWidth(), g.strideHeight(), g.strideWidth(), g.padTop(),
            g.padLeft(), g.dilationHeight(), g.dilationWidth(), g.outChannels(), groups});
        int runs = g.batch() * g.outChannels() * g.outHeight() * ceilDiv(g.outWidth(), DIRECT_RUN);
        enqueue(gemms.get(kind).convDirect(), new long[] {roundUp(runs, elementwiseGroup)},
            new long[] {elementwiseGroup}, x.handle(), w.handle(), out.handle(), geometry, parameters,
            rowParameterCount, columns, mode, runs);
        return;
      }
      boolean pointwise = g.kernelHeight() == 1 && g.kernelWidth() == 1 && g.strideHeight() == 1
          && g.strideWidth() == 1 && g.padTop() == 0 && g.padLeft() == 0 && g.outHeight() == g.inHeight()
          && g.outWidth() == g.inWidth();
      if (pointwise) {
        // A 1x1 convolution is a product with the input as it lies: no unfolding.
        int[] offsets = new int[4 * g.batch() * groups];
        for (int image = 0; image < g.batch(); image++) {
          for (int group = 0; group < groups; group++) {
            int at = 4 * (image * groups + group);
            offsets[at] = group * filtersPerGroup * depth;
            offsets[at + 1] = (image * g.inChannels() + group * channelsPerGroup) * inPlane;
            offsets[at + 2] = (image * g.outChannels() + group * filtersPerGroup) * positions;
            offsets[at + 3] = group * filtersPerGroup;
          }
        }
        gemm(kind, mode, w.handle(), x.handle(), out.handle(), offsets, g.batch() * groups, filtersPerGroup,
            positions, depth, depth, positions, positions, false, false, parameters, rowParameterCount, columns,
            columnParameterCount);
        return;
      }
      // Unfold a band of whole output rows at a time, as many as fit the scratch budget.
      int rows = g.inChannels() * g.kernelHeight() * g.kernelWidth();
      int elementBytes = x.dtype().byteSize();
      long rowBytes = (long) rows * g.outWidth() * elementBytes;
      long budget = Math.min(MAX_IM2COL_BYTES, device.maxAllocationBytes());
      int band = (int) Math.max(1, Math.min(g.outHeight(), budget / rowBytes));
      cl_mem unfolded = scratch(rowBytes * band);
      cl_mem geometry = ints(new int[] {g.inChannels(), g.inHeight(), g.inWidth(), g.kernelHeight(),
          g.kernelWidth(), g.outHeight(), g.outWidth(), g.strideHeight(), g.strideWidth(), g.padTop(), g.padLeft(),
          g.dilationHeight(), g.dilationWidth()});
      for (int image = 0; image < g.batch(); image++) {
        for (int firstRow = 0; firstRow < g.outHeight(); firstRow += band) {
          int bandRows = Math.min(band, g.outHeight() - firstRow);
          int width = bandRows * g.outWidth();
          run("im2col_values", rows * bandRows, x.handle(), unfolded, geometry, image, firstRow, bandRows,
              elementBytes, padding);
          int[] offsets = new int[4 * groups];
          for (int group = 0; group < groups; group++) {
            offsets[4 * group] = group * filtersPerGroup * depth;
            offsets[4 * group + 1] = group * depth * width;
            offsets[4 * group + 2] = (image * g.outChannels() + group * filtersPerGroup) * positions
                + firstRow * g.outWidth();
            offsets[4 * group + 3] = group * filtersPerGroup;
          }
          gemm(kind, mode, w.handle(), unfolded, out.handle(), offsets, groups, filtersPerGroup, width, depth,
              depth, width, positions, false, false, parameters, rowParameterCount, columns, columnParameterCount);
        }
      }
    }

    /**
     * C = A x B for each batch, {@code offsets} holding per batch the A, B and C offsets and the first row's
     * index into the per-row parameters. On a CPU the register-blocked kernel reads float operands in place;
     * integer operands, a transposed B and a large B are packed into panels first. Elsewhere, or when panels
     * would not fit in memory, the local-memory tiled kernel runs.
     */
    private void gemm(GemmTiling.Kind kind, int mode, cl_mem a, cl_mem b, cl_mem c, int[] offsets, int batch,
        int m, int n, int k, int lda, int ldb, int ldc, boolean transA, boolean transB, cl_mem rowParameters,
        int rowParameterCount, cl_mem columnParameters, int columnParameterCount) {
      if (batch == 0 || m == 0 || n == 0) {
        return;
      }
      Gemm gemm = gemms.get(kind);
      GemmTiling t = gemm.tiling();
      cl_mem offsetBuffer = ints(offsets);
      cl_mem rows = rowParameters == null ? offsetBuffer : rowParameters;
      cl_mem columns = columnParameters == null ? offsetBuffer : columnParameters;
      boolean packA = kind != GemmTiling.Kind.FLOAT;
      // A large B goes into panels, and the work-items run down the row blocks first: each column block's
      // panel then stays in the core's L2 while A streams through, where B read in place, its column block's
      // slice spread over k rows, would be fetched again from L3 or memory for every row block.
      // With few row blocks (a convolution's filters) B is read only a few times, and in place it stays faster.
      boolean rowsFirst = (long) k * n > IN_PLACE_B_VALUES && m >= ROWS_FIRST_MIN_ROWS;
      boolean packB = packA || transB || rowsFirst;
      int rowBlocks = ceilDiv(m, GemmTiling.PACK_ROWS);
      int columnBlocks = ceilDiv(n, t.packColumns());
      // Panel rows, one tile value each: 8-bit operands are packed as pairs along k (PACKED_DEPTH in gemm.cl).
      int depth = kind == GemmTiling.Kind.BYTE ? ceilDiv(k, 2) : k;
      long packedDepth = kind == GemmTiling.Kind.BYTE ? 2L * depth : k;
      long aPanels = (long) batch * rowBlocks * GemmTiling.PACK_ROWS * depth;
      long bPanels = (long) batch * columnBlocks * t.packColumns() * depth;
      long panelLimit = Math.min(MAX_PANEL_BYTES, device.maxAllocationBytes()) / kind.tileValueBytes;
      if (gemm.blocked() == null || (packA && aPanels > panelLimit) || (packB && bPanels > panelLimit)) {
        long[] global = {(long) ceilDiv(n, t.bn()) * t.workGroupX(), (long) ceilDiv(m, t.bm()) * t.workGroupY(),
            batch};
        long[] local = {t.workGroupX(), t.workGroupY(), 1};
        enqueue(gemm.tiled(), global, local, a, b, c, offsetBuffer, m, n, k, lda, ldb, ldc, transA ? 1 : 0,
            transB ? 1 : 0, rows, rowParameterCount, columns, columnParameterCount, mode);
        return;
      }
      int[] blockOffsets = offsets.clone();
      cl_mem aSource = a;
      int[] aStrides = transA ? new int[] {GemmTiling.PACK_ROWS, 1, lda}
          : new int[] {GemmTiling.PACK_ROWS * lda, lda, 1};
      if (packA) {
        aSource = scratch(aPanels * kind.tileValueBytes);
        for (int i = 0; i < batch; i++) {
          blockOffsets[4 * i] = (int) (i * (long) rowBlocks * GemmTiling.PACK_ROWS * depth);
        }
        aStrides = new int[] {GemmTiling.PACK_ROWS * depth, 1, GemmTiling.PACK_ROWS};
        if (k > 0) {
          long contiguous = transA ? (long) rowBlocks * GemmTiling.PACK_ROWS : packedDepth;
          long other = transA ? packedDepth : (long) rowBlocks * GemmTiling.PACK_ROWS;
          enqueue(gemm.packA(), new long[] {roundUp(contiguous, elementwiseGroup), other, batch},
              new long[] {elementwiseGroup, 1, 1}, a, aSource, offsetBuffer, m, k, lda, transA ? 1 : 0, rows,
              rowParameterCount, mode);
        }
      }
      cl_mem bSource = b;
      int[] bStrides = {t.packColumns(), ldb};
      if (packB) {
        bSource = scratch(bPanels * kind.tileValueBytes);
        for (int i = 0; i < batch; i++) {
          blockOffsets[4 * i + 1] = (int) (i * (long) columnBlocks * t.packColumns() * depth);
        }
        bStrides = new int[] {t.packColumns() * depth, t.packColumns()};
        if (k > 0) {
          long contiguous = transB ? packedDepth : (long) columnBlocks * t.packColumns();
          long other = transB ? (long) columnBlocks * t.packColumns() : packedDepth;
          enqueue(gemm.packB(), new long[] {roundUp(contiguous, elementwiseGroup), other, batch},
              new long[] {elementwiseGroup, 1, 1}, b, bSource, offsetBuffer, n, k, ldb, transB ? 1 : 0, columns,
              columnParameterCount, mode);
        }
      }
      long[] grid = rowsFirst ? new long[] {rowBlocks, columnBlocks, batch}
          : new long[] {columnBlocks, rowBlocks, batch};
      enqueue(gemm.blocked(), grid, new long[] {1, 1, 1}, aSource, bSource, c, ints(blockOffsets), m, n, k, ldc,
          aStrides[0], aStrides[1], aStrides[2], bStrides[0], bStrides[1], packA && packB ? 1 : 0,
          rowsFirst ? 1 : 0, rows, rowParameterCount, mode);
    }

    @Override
    public void close() {
      try {
        if (last != null) {
          clWaitForEvents(1, new cl_event[] {last});
        }
      } catch (CLException e) {
        throw OpenClErrors.failure(operation + " waiting for its kernels", e);
      } finally {
        try {
          if (last != null) {
            clReleaseEvent(last);
          }
          temporaries.forEach(memory -> clReleaseMemObject(memory));
        } finally {
          lifecycle.readLock().unlock();
        }
      }
    }
  }

  private OpenClBuffer buffer(DeviceBuffer buffer) {
    if (!(buffer instanceof OpenClBuffer openCl) || openCl.owner() != this) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
          "the buffer does not belong to this OpenCL backend");
    }
    return openCl;
  }

  private OpenClBuffer buffer(DeviceBuffer buffer, DType expected) {
    OpenClBuffer openCl = buffer(buffer);
    if (openCl.dtype() != expected) {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE,
          "expected a " + expected + " buffer, not " + openCl.dtype());
    }
    return openCl;
  }

  private static int typeCode(OpenClBuffer buffer) {
    return buffer.dtype().ordinal();
  }

  private static void requireExact(OpenClBuffer buffer) {
    if (!buffer.dtype().isExact()) {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "expected an integer buffer, not float32");
    }
  }

  private static void requireQuantized(OpenClBuffer buffer) {
    if (!buffer.dtype().isQuantized()) {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "expected int8 or uint8, not " + buffer.dtype());
    }
  }

  /** Zero points within their operand's type keep 8-bit operands less them within the 16 bits packing holds. */
  private static void requireZeroPoints(String what, int[] values, DType dtype) {
    for (int value : values) {
      if (value < dtype.minValue() || value > dtype.maxValue()) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
            what + " must lie in the range of " + dtype + ", not " + value);
      }
    }
  }

  private static void requireLength(OpenClBuffer buffer, long count) {
    if (buffer.count() != count) {
      throw new TensorException(TensorException.Kind.SHAPE_MISMATCH,
          "the buffer holds " + buffer.count() + " values where " + count + " are needed");
    }
  }

  private static void requireAtLeast(OpenClBuffer buffer, long count) {
    if (buffer.count() < count) {
      throw new TensorException(TensorException.Kind.SHAPE_MISMATCH,
          "the buffer holds " + buffer.count() + " values where " + count + " are read");
    }
  }

  private static void requireRange(OpenClBuffer buffer, long offset, long length) {
    if (offset < 0 || offset + length > buffer.count()) {
      throw new TensorException(TensorException.Kind.SHAPE_MISMATCH, "values [" + offset + ", " + (offset + length)
          + ") lie outside a buffer of " + buffer.count());
    }
  }

  private static void requireRows(OpenClBuffer in, OpenClBuffer out, Rows geometry, long outCount) {
    requireLength(in, (long) geometry.outer() * geometry.length() * geometry.inner());
    requireLength(out, outCount);
  }

  private static void requireChannels(OpenClBuffer in, OpenClBuffer out, Channels geometry) {
    requireLength(in, (long) geometry.outer() * geometry.channels() * geometry.inner());
    requireLength(out, in.count());
  }

  private static void requireParameters(String what, int[] values, int channels) {
    requireParameters(what, values.length, channels);
  }

  private static void requireParameters(String what, int length, int channels) {
    if (length != 1 && length != channels) {
      throw new TensorException(TensorException.Kind.SHAPE_MISMATCH,
          what + " hold " + length + " values, not 1 or " + channels);
    }
  }

  private static void requireStrides(Broadcast geometry, int operands) {
    if (geometry.strides().length < operands) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "a broadcast needs " + operands
          + " stride sets");
    }
    for (int[] strides : geometry.strides()) {
      if (strides.length != geometry.dims().length) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "broadcast strides do not match its rank");
      }
    }
  }

  /** Every offset {@code base + sum(d_k * strides[k])} over {@code dims} must lie inside the buffer. */
  private static void requireWithin(OpenClBuffer buffer, int[] dims, int base, int[] strides) {
    if (product(dims) == 0) {
      return;
    }
    long lowest = base;
    long highest = base;
    for (int axis = 0; axis < dims.length; axis++) {
      long span = (long) (dims[axis] - 1) * strides[axis];
      if (span < 0) {
        lowest += span;
      } else {
        highest += span;
      }
    }
    if (lowest < 0 || highest >= buffer.count()) {
      throw new TensorException(TensorException.Kind.SHAPE_MISMATCH, "offsets [" + lowest + ", " + highest
          + "] lie outside a buffer of " + buffer.count());
    }
  }

  /** Whether {@code strides} walk {@code dims} row-major without gaps, as the output is laid out. */
  private static boolean isContiguous(int[] dims, int[] strides) {
    int expected = 1;
    for (int axis = dims.length - 1; axis >= 0; axis--) {
      if (dims[axis] != 1 && strides[axis] != expected) {
        return false;
      }
      expected *= dims[axis];
    }
    return true;
  }

  private static int product(int[] dims) {
    long product = 1;
    for (int dim : dims) {
      if (dim < 0) {
        throw new TensorException(TensorException.Kind.INVALID_ARGUMENT, "negative dimension " + dim);
      }
      product *= dim;
    }
    if (product > Integer.MAX_VALUE) {
      throw new TensorException(TensorException.Kind.LIMIT_EXCEEDED, "more than 2^31 - 1 elements");
    }
    return (int) product;
  }

  private static int[] concat(int[]... parts) {
    int length = 0;
    for (int[] part : parts) {
      length += part.length;
    }
    int[] all = new int[length];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static long roundUp(long value, long multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  private static int ceilDiv(int value, int divisor) {
    return (value + divisor - 1) / divisor;
  }
}
