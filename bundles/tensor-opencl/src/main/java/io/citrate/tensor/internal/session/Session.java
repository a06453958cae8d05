package io.citrate.tensor.internal.session;

import static io.citrate.tensor.api.DType.FLOAT32;
import static io.citrate.tensor.api.DType.INT32;
import static io.citrate.tensor.api.DType.INT8;
import static io.citrate.tensor.api.DType.Q16_16;
import static io.citrate.tensor.api.DType.UINT8;

import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.Cost;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.GeluApproximation;
import io.citrate.tensor.api.GemmOptions;
import io.citrate.tensor.api.LayerNormResult;
import io.citrate.tensor.api.MaxPoolResult;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.internal.kernel.BinaryOp;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.kernel.PoolKind;
import io.citrate.tensor.internal.kernel.ReduceOp;
import io.citrate.tensor.internal.kernel.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link TensorSession} over any {@link Kernels}. Each operation checks, in this order, that its tensors are
 * open and this session's ({@code CLOSED}, {@code INVALID_ARGUMENT}), that EXACT mode allows it
 * ({@code UNSUPPORTED_IN_EXACT}), types ({@code WRONG_DTYPE}), shapes ({@code SHAPE_MISMATCH}), attributes
 * ({@code INVALID_ARGUMENT}), then the limits ({@code LIMIT_EXCEEDED}): every tensor it creates, scratch
 * included, within {@code min(maxTensorElements, 2^31 - 1)} elements and {@code maxRank}; the live tensors plus
 * everything the operation allocates within {@code maxSessionBytes}; the session's multiply-accumulates within
 * {@code maxMultiplyAccumulates}. Only then does it allocate and run kernels; a kernel failure releases what the
 * operation allocated. Scratch buffers are released before the operation returns.
 *
 * <p>Cost, from shapes and types only:
 * <ul>
 *   <li>multiply-accumulates: {@code batch * m * n * k} for matmul, gemm (alpha, beta and C included),
 *       matMulInteger and qLinearMatMul; {@code N * M * OH * OW * (C / groups) * kH * kW} for conv2d, convInteger
 *       and qLinearConv (bias and requantization included); output elements times the window size for pools;
 *       input elements for reductions, batchNorm, quantizeLinear and dequantizeLinear; output elements for
 *       element-wise operations and convert; {@value #NORMALISATION_PASSES} per input element for softmax and
 *       layerNorm, which pass over their rows that many times; 0 for transfers and data movement (reshape,
 *       transpose, concat, gather, slice).
 *   <li>bytes moved: the bytes of every input tensor read plus every output tensor written; a transfer moves
 *       the bytes it transfers.
 *   <li>operations: 1 per call.
 * </ul>
 * A refused or failed operation costs nothing.
 *
 * <p>EXACT mode refuses arithmetic on FLOAT32 tensors and the operations without a bit-exact form; FLOAT32
 * tensors still travel, move (reshape, transpose, concat, gather, slice, where) and serve as quantization and
 * normalisation parameters, which are read and converted on the host.
 *
 * <p>Quantization parameters: scales are FLOAT32, positive and finite; a scale or zero point is per tensor
 * (one value) or, where ONNX allows it, per channel: along {@code axis} for quantizeLinear and
 * dequantizeLinear, per column of B for qLinearMatMul (A's scale and the output's are per tensor; A's zero
 * point may be per row), per output channel of W for convInteger and qLinearConv.
 */
public final class Session implements TensorSession {
  static final int NORMALISATION_PASSES = 3;

  private final Kernels kernels;
  private final NumericMode mode;
  private final TensorLimits limits;
  private final OperationListener listener;
  private final long maxElements;
  private final Set<SessionTensor> live = new LinkedHashSet<>();
  private long bytesInUse;
  private Cost cost = Cost.ZERO;
  private Cost lastCost = Cost.ZERO;
  private boolean closed;

  public Session(Kernels kernels, NumericMode mode, TensorLimits limits, OperationListener listener) {
    this.kernels = Objects.requireNonNull(kernels, "kernels");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.maxElements = Math.min(limits.maxTensorElements(), Integer.MAX_VALUE);
  }

  @Override
  public NumericMode mode() {
    return mode;
  }

  @Override
  public TensorLimits limits() {
    return limits;
  }

  @Override
  public Cost cost() {
    return cost;
  }

  @Override
  public Cost lastCost() {
    return lastCost;
  }

  @Override
  public long bytesInUse() {
    return bytesInUse;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SessionTensor tensor : live) {
      tensor.markClosed();
    }
    live.clear();
    bytesInUse = 0;
  }

  void release(SessionTensor tensor) {
    if (tensor.markClosed() && live.remove(tensor)) {
      bytesInUse -= tensor.byteSize();
    }
  }

  // ---- transfers

  @Override
  public Tensor fromFloats(Shape shape, float... values) {
    return execute("fromFloats", op -> {
      requireCount(shape, values);
      Planned out = op.output(FLOAT32, shape.dims());
      op.allocate();
      kernels.write(out.buffer, values.clone());
      return op.result(out);
    });
  }

  @Override
  public Tensor fromFloatsAsFixed(Shape shape, float... values) {
    return execute("fromFloatsAsFixed", op -> {
      requireCount(shape, values);
      int[] raw = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        raw[i] = FixedPoint.fromDouble(values[i]);
      }
      Planned out = op.output(Q16_16, shape.dims());
      op.allocate();
      kernels.write(out.buffer, raw);
      return op.result(out);
    });
  }

  @Override
  public Tensor fromInts(DType dtype, Shape shape, int... values) {
    return execute("fromInts", op -> {
      require(dtype, "dtype");
      if (dtype == FLOAT32) {
        throw new TensorException(Kind.WRONG_DTYPE, "fromInts makes integer tensors; use fromFloats for FLOAT32");
      }
      requireCount(shape, values);
      int[] copy = values.clone();
      if (dtype.isQuantized()) {
        for (int value : copy) {
          if (value < dtype.minValue() || value > dtype.maxValue()) {
            throw new TensorException(Kind.INVALID_ARGUMENT, value + " is outside the range of " + dtype);
          }
        }
      }
      Planned out = op.output(dtype, shape.dims());
      op.allocate();
      kernels.write(out.buffer, copy);
      return op.result(out);
    });
  }

  @Override
  public float[] readFloats(Tensor tensor) {
    return execute("readFloats", op -> {
      SessionTensor in = op.input(tensor);
      op.allocate();
      if (in.dtype() == FLOAT32) {
        return kernels.readFloats(in.buffer());
      }
      int[] ints = kernels.readInts(in.buffer());
      float[] floats = new float[ints.length];
      for (int i = 0; i < ints.length; i++) {
        floats[i] = in.dtype() == Q16_16 ? ints[i] / (float) FixedPoint.ONE : ints[i];
      }
      return floats;
    });
  }

  @Override
  public int[] readInts(Tensor tensor) {
    return execute("readInts", op -> {
      SessionTensor in = op.input(tensor);
      if (in.dtype() == FLOAT32) {
        throw new TensorException(Kind.WRONG_DTYPE, "readInts reads integer and Q16_16 tensors, not FLOAT32");
      }
      op.allocate();
      return kernels.readInts(in.buffer());
    });
  }

  @Override
  public Tensor convert(Tensor input, DType to) {
    return execute("convert", op -> {
      SessionTensor in = op.input(input);
      require(to, "target type");
      if (mode == NumericMode.EXACT && (to == FLOAT32 || in.dtype() == FLOAT32)) {
        throw unsupportedInExact("convert between " + in.dtype() + " and " + to);
      }
      Planned out = op.output(to, in.dims());
      op.macs(in.count());
      op.allocate();
      if (to == in.dtype()) {
        kernels.copy(in.buffer(), out.buffer, flatCopy(in.count()));
      } else {
        kernels.convert(in.buffer(), out.buffer);
      }
      return op.result(out);
    });
  }

  // ---- element-wise

  @Override
  public Tensor add(Tensor a, Tensor b) {
    return binary("add", BinaryOp.ADD, a, b);
  }

  @Override
  public Tensor sub(Tensor a, Tensor b) {
    return binary("sub", BinaryOp.SUB, a, b);
  }

  @Override
  public Tensor mul(Tensor a, Tensor b) {
    return binary("mul", BinaryOp.MUL, a, b);
  }

  @Override
  public Tensor div(Tensor a, Tensor b) {
    return binary("div", BinaryOp.DIV, a, b);
  }

  @Override
  public Tensor pow(Tensor a, Tensor b) {
    return binary("pow", BinaryOp.POW, a, b);
  }

  @Override
  public Tensor min(Tensor a, Tensor b) {
    return binary("min", BinaryOp.MIN, a, b);
  }

  @Override
  public Tensor max(Tensor a, Tensor b) {
    return binary("max", BinaryOp.MAX, a, b);
  }

  private Tensor binary(String name, BinaryOp operator, Tensor a, Tensor b) {
    return execute(name, op -> {
      SessionTensor x = op.input(a);
      SessionTensor y = op.input(b);
      if (operator == BinaryOp.POW) {
        refuseInExact(name);
        requireType(x, FLOAT32);
      }
      requireSameType(x, y);
      requireArithmetic(x);
      Geometry.Broadcast geometry = Broadcasting.geometry(x.dims(), y.dims());
      Planned out = op.output(x.dtype(), geometry.dims());
      op.macs(out.count);
      op.allocate();
      kernels.binary(operator, x.buffer(), y.buffer(), out.buffer, geometry);
      return op.result(out);
    });
  }

  @Override
  public Tensor where(Tensor condition, Tensor x, Tensor y) {
    return execute("where", op -> {
      SessionTensor c = op.input(condition);
      SessionTensor a = op.input(x);
      SessionTensor b = op.input(y);
      requireType(c, UINT8);
      requireSameType(a, b);
      Geometry.Broadcast geometry = Broadcasting.geometry(c.dims(), a.dims(), b.dims());
      Planned out = op.output(a.dtype(), geometry.dims());
      op.macs(out.count);
      op.allocate();
      kernels.where(c.buffer(), a.buffer(), b.buffer(), out.buffer, geometry);
      return op.result(out);
    });
  }

  @Override
  public Tensor relu(Tensor x) {
    return unary("relu", UnaryOp.RELU, x, dtype -> new double[2]);
  }

  @Override
  public Tensor leakyRelu(Tensor x, float alpha) {
    return unary("leakyRelu", UnaryOp.LEAKY_RELU, x, dtype -> {
      if (dtype != FLOAT32 && dtype != Q16_16) {
        throw new TensorException(Kind.WRONG_DTYPE, "leakyRelu takes FLOAT32 or Q16_16, not " + dtype);
      }
      return new double[] {HostParameters.leakyReluAlpha(dtype, alpha), 0};
    });
  }

  @Override
  public Tensor clip(Tensor x, double min, double max) {
    return unary("clip", UnaryOp.CLIP, x, dtype -> HostParameters.clipBounds(dtype, min, max));
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return floatUnary("sigmoid", UnaryOp.SIGMOID, x);
  }

  @Override
  public Tensor tanh(Tensor x) {
    return floatUnary("tanh", UnaryOp.TANH, x);
  }

  @Override
  public Tensor gelu(Tensor x, GeluApproximation approximation) {
    return floatUnary("gelu", approximation == GeluApproximation.TANH ? UnaryOp.GELU_TANH : UnaryOp.GELU, x);
  }

  @Override
  public Tensor erf(Tensor x) {
    return floatUnary("erf", UnaryOp.ERF, x);
  }

  @Override
  public Tensor exp(Tensor x) {
    return floatUnary("exp", UnaryOp.EXP, x);
  }

  @Override
  public Tensor log(Tensor x) {
    return floatUnary("log", UnaryOp.LOG, x);
  }

  @Override
  public Tensor sqrt(Tensor x) {
    return floatUnary("sqrt", UnaryOp.SQRT, x);
  }

  /** A transcendental function: FLOAT32 in FAST mode only. */
  private Tensor floatUnary(String name, UnaryOp operator, Tensor x) {
    return unary(name, operator, x, dtype -> {
      refuseInExact(name);
      if (dtype != FLOAT32) {
        throw new TensorException(Kind.WRONG_DTYPE, name + " takes FLOAT32, not " + dtype);
      }
      return new double[2];
    });
  }

  /** {@code parameters} checks the type and yields p0, p1 in the type's representation. */
  private Tensor unary(String name, UnaryOp operator, Tensor x, Function<DType, double[]> parameters) {
    return execute(name, op -> {
      SessionTensor in = op.input(x);
      double[] p = parameters.apply(in.dtype());
      requireArithmetic(in);
      Planned out = op.output(in.dtype(), in.dims());
      op.macs(in.count());
      op.allocate();
      kernels.unary(operator, in.buffer(), out.buffer, p[0], p[1]);
      return op.result(out);
    });
  }

  // ---- linear algebra and convolution

  @Override
  public Tensor matmul(Tensor a, Tensor b) {
    return execute("matmul", op -> {
      SessionTensor x = op.input(a);
      SessionTensor y = op.input(b);
      requireSameType(x, y);
      requireType(x, FLOAT32, INT32, Q16_16);
      requireArithmetic(x);
      MatmulPlan plan = MatmulPlan.of(x.dims(), y.dims());
      Planned out = op.output(x.dtype(), plan.outDims());
      op.macs(plan.multiplyAccumulates());
      op.allocate();
      kernels.matmul(x.buffer(), y.buffer(), out.buffer, plan.geometry());
      return op.result(out);
    });
  }

  @Override
  public Tensor gemm(Tensor a, Tensor b, Tensor c, GemmOptions options) {
    return execute("gemm", op -> {
      SessionTensor x = op.input(a);
      SessionTensor y = op.input(b);
      SessionTensor z = op.optionalInput(c);
      require(options, "gemm options");
      requireSameType(x, y);
      if (z != null) {
        requireSameType(x, z);
      }
      requireType(x, FLOAT32, INT32, Q16_16);
      requireArithmetic(x);
      MatmulPlan plan = MatmulPlan.gemm(x.dims(), y.dims(), options.transA(), options.transB());
      int[] outDims = plan.outDims();
      if (z != null && !Broadcasting.broadcastsTo(z.dims(), outDims)) {
        throw new TensorException(Kind.SHAPE_MISMATCH, "gemm's C " + z.shape() + " does not broadcast to "
            + Arrays.toString(outDims));
      }
      DType dtype = x.dtype();
      boolean scaleProduct = options.alpha() != 1f;
      boolean scaleC = z != null && options.beta() != 1f;
      int[] alpha = scaleProduct ? scalarValue(dtype, options.alpha(), "alpha") : null;
      int[] beta = scaleC ? scalarValue(dtype, options.beta(), "beta") : null;

      Planned out = op.output(dtype, outDims);
      Planned product = scaleProduct || z != null ? op.scratch(dtype, out.count) : out;
      Planned scaled = scaleProduct && z != null ? op.scratch(dtype, out.count) : out;
      Planned alphaScalar = scaleProduct ? op.scratch(dtype, 1) : null;
      Planned betaScalar = scaleC ? op.scratch(dtype, 1) : null;
      Planned cScaled = scaleC ? op.scratch(dtype, z.count()) : null;
      op.macs(plan.multiplyAccumulates());
      op.allocate();

      kernels.matmul(x.buffer(), y.buffer(), product.buffer, plan.geometry());
      DeviceBuffer term = product.buffer;
      if (scaleProduct) {
        writeScalar(alphaScalar, options.alpha(), alpha);
        kernels.binary(BinaryOp.MUL, product.buffer, alphaScalar.buffer, scaled.buffer,
            Broadcasting.geometry(outDims, new int[0]));
        term = scaled.buffer;
      }
      if (z != null) {
        DeviceBuffer cTerm = z.buffer();
        if (scaleC) {
          writeScalar(betaScalar, options.beta(), beta);
          kernels.binary(BinaryOp.MUL, z.buffer(), betaScalar.buffer, cScaled.buffer,
              Broadcasting.geometry(z.dims(), new int[0]));
          cTerm = cScaled.buffer;
        }
        kernels.binary(BinaryOp.ADD, term, cTerm, out.buffer, Broadcasting.geometry(outDims, z.dims()));
      }
      return op.result(out);
    });
  }

  /** Gemm's alpha or beta for an integer type (null for FLOAT32, written as a float). */
  private static int[] scalarValue(DType dtype, float value, String name) {
    if (!Float.isFinite(value)) {
      throw new TensorException(Kind.INVALID_ARGUMENT, "gemm " + name + " must be finite, not " + value);
    }
    return switch (dtype) {
      case FLOAT32 -> null;
      case Q16_16 -> new int[] {FixedPoint.fromDouble(value)};
      default -> {
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new TensorException(Kind.INVALID_ARGUMENT, "gemm " + name + " of an INT32 product must be an "
              + "integer, not " + value);
        }
        yield new int[] {(int) value};
      }
    };
  }

  private void writeScalar(Planned scalar, float value, int[] integer) {
    if (integer == null) {
      kernels.write(scalar.buffer, new float[] {value});
    } else {
      kernels.write(scalar.buffer, integer);
    }
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor weights, Tensor bias, ConvOptions options) {
    return execute("conv2d", op -> {
      SessionTensor in = op.input(x);
      SessionTensor w = op.input(weights);
      SessionTensor b = op.optionalInput(bias);
      require(options, "conv options");
      requireSameType(in, w);
      if (b != null) {
        requireSameType(in, b);
      }
      requireType(in, FLOAT32, Q16_16);
      requireArithmetic(in);
      ConvPlan plan = ConvPlan.of(in.dims(), w.dims(), options);
      if (b != null && (b.dims().length != 1 || b.dims()[0] != plan.geometry().outChannels())) {
        throw new TensorException(Kind.SHAPE_MISMATCH, "conv bias " + b.shape() + " must hold one value per "
            + "output channel (" + plan.geometry().outChannels() + ")");
      }
      Planned out = op.output(in.dtype(), plan.outDims());
      op.macs(plan.multiplyAccumulates());
      op.allocate();
      kernels.conv2d(in.buffer(), w.buffer(), b == null ? null : b.buffer(), out.buffer, plan.geometry());
      return op.result(out);
    });
  }

  @Override
  public Tensor maxPool(Tensor x, PoolOptions options) {
    return execute("maxPool", op -> pool(op, PoolKind.MAX, x, require(options, "pool options"), false).values());
  }

  @Override
  public MaxPoolResult maxPoolWithIndices(Tensor x, PoolOptions options) {
    return execute("maxPoolWithIndices", op -> pool(op, PoolKind.MAX, x, require(options, "pool options"), true));
  }

  @Override
  public Tensor averagePool(Tensor x, PoolOptions options) {
    return execute("averagePool", op -> {
      require(options, "pool options");
      PoolKind kind = options.countIncludePad() ? PoolKind.AVERAGE_INCLUDING_PAD : PoolKind.AVERAGE_EXCLUDING_PAD;
      return pool(op, kind, x, options, false).values();
    });
  }

  @Override
  public Tensor globalAveragePool(Tensor x) {
    return execute("globalAveragePool", op -> pool(op, PoolKind.AVERAGE_EXCLUDING_PAD, x, null, false).values());
  }

  /** A pool; {@code options} null means one window over all spatial dimensions. */
  private MaxPoolResult pool(Operation op, PoolKind kind, Tensor x, PoolOptions options, boolean withIndices) {
    SessionTensor in = op.input(x);
    requireArithmetic(in);
    PoolPlan plan;
    if (options == null) {
      plan = PoolPlan.global(in.dims());
    } else {
      plan = PoolPlan.of(in.dims(), options);
    }
    Planned out = op.output(in.dtype(), plan.outDims());
    Planned indices = withIndices ? op.output(INT32, plan.outDims()) : null;
    op.macs(plan.multiplyAccumulates());
    op.allocate();
    kernels.pool(kind, in.buffer(), out.buffer, indices == null ? null : indices.buffer, plan.geometry());
    return new MaxPoolResult(op.result(out), indices == null ? null : op.result(indices));
  }

  // ---- shape and data movement

  @Override
  public Tensor reshape(Tensor x, int... dims) {
    return execute("reshape", op -> {
      SessionTensor in = op.input(x);
      require(dims, "dims");
      Planned out = op.output(in.dtype(), Dims.reshape(in.dims(), dims));
      op.allocate();
      kernels.copy(in.buffer(), out.buffer, flatCopy(in.count()));
      return op.result(out);
    });
  }

  @Override
  public Tensor transpose(Tensor x, int... permutation) {
    return execute("transpose", op -> {
      SessionTensor in = op.input(x);
      require(permutation, "permutation");
      Geometry.Copy copy = Dims.transposeCopy(in.dims(), Dims.permutation(permutation, in.dims().length));
      Planned out = op.output(in.dtype(), copy.dims());
      op.allocate();
      kernels.copy(in.buffer(), out.buffer, copy);
      return op.result(out);
    });
  }

  @Override
  public Tensor concat(int axis, Tensor... inputs) {
    return execute("concat", op -> {
      require(inputs, "inputs");
      if (inputs.length == 0) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "concat needs at least one input");
      }
      SessionTensor[] parts = new SessionTensor[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        parts[i] = op.input(inputs[i]);
      }
      for (SessionTensor part : parts) {
        requireSameType(parts[0], part);
      }
      int[] first = parts[0].dims();
      int along = Dims.axis(axis, first.length);
      int[] outDims = first.clone();
      outDims[along] = 0;
      for (SessionTensor part : parts) {
        int[] dims = part.dims();
        boolean fits = dims.length == first.length;
        for (int d = 0; fits && d < dims.length; d++) {
          fits = d == along || dims[d] == first[d];
        }
        if (!fits) {
          throw new TensorException(Kind.SHAPE_MISMATCH, "concat along axis " + axis + " of " + parts[0].shape()
              + " and " + part.shape());
        }
        outDims[along] = Math.addExact(outDims[along], dims[along]);
      }
      Planned out = op.output(parts[0].dtype(), outDims);
      op.allocate();
      int[] outStrides = Dims.contiguousStrides(outDims);
      int offset = 0;
      for (SessionTensor part : parts) {
        int[] dims = part.dims();
        if (part.count() > 0) {
          kernels.copy(part.buffer(), out.buffer, new Geometry.Copy(dims, 0, Dims.contiguousStrides(dims),
              offset * outStrides[along], outStrides));
        }
        offset += dims[along];
      }
      return op.result(out);
    });
  }

  @Override
  public Tensor gather(Tensor data, Tensor indices, int axis) {
    return execute("gather", op -> {
      SessionTensor in = op.input(data);
      SessionTensor idx = op.input(indices);
      requireType(idx, INT32);
      int[] dims = in.dims();
      int along = Dims.axis(axis, dims.length);
      int axisLength = dims[along];
      int[] values = kernels.readInts(idx.buffer());
      for (int i = 0; i < values.length; i++) {
        int index = values[i];
        if (index < -axisLength || index >= axisLength) {
          throw new TensorException(Kind.INVALID_ARGUMENT, "gather index " + index + " is outside an axis of "
              + axisLength);
        }
        values[i] = index < 0 ? index + axisLength : index;
      }
      int[] indexDims = idx.dims();
      int[] outDims = new int[dims.length - 1 + indexDims.length];
      System.arraycopy(dims, 0, outDims, 0, along);
      System.arraycopy(indexDims, 0, outDims, along, indexDims.length);
      System.arraycopy(dims, along + 1, outDims, along + indexDims.length, dims.length - along - 1);
      Planned out = op.output(in.dtype(), outDims);
      Planned normalised = op.scratch(INT32, values.length);
      op.allocate();
      kernels.write(normalised.buffer, values);
      kernels.gather(in.buffer(), normalised.buffer, out.buffer, new Geometry.Gather(Dims.product(dims, 0, along),
          axisLength, Dims.product(dims, along + 1, dims.length), values.length));
      return op.result(out);
    });
  }

  @Override
  public Tensor slice(Tensor x, int[] starts, int[] ends, int[] axes, int[] steps) {
    return execute("slice", op -> {
      SessionTensor in = op.input(x);
      SlicePlan plan = SlicePlan.of(in.dims(), require(starts, "starts"), require(ends, "ends"),
          axes == null ? new int[0] : axes, steps == null ? new int[0] : steps);
      Planned out = op.output(in.dtype(), plan.outDims());
      op.allocate();
      if (out.count > 0) {
        kernels.copy(in.buffer(), out.buffer, plan.copy());
      }
      return op.result(out);
    });
  }

  // ---- reductions and normalisation

  @Override
  public Tensor reduceSum(Tensor x, int[] axes, boolean keepDims) {
    return reduce("reduceSum", ReduceOp.SUM, x, axes, keepDims);
  }

  @Override
  public Tensor reduceMean(Tensor x, int[] axes, boolean keepDims) {
    return reduce("reduceMean", ReduceOp.MEAN, x, axes, keepDims);
  }

  @Override
  public Tensor reduceMax(Tensor x, int[] axes, boolean keepDims) {
    return reduce("reduceMax", ReduceOp.MAX, x, axes, keepDims);
  }

  private Tensor reduce(String name, ReduceOp operator, Tensor x, int[] axes, boolean keepDims) {
    return execute(name, op -> {
      SessionTensor in = op.input(x);
      requireArithmetic(in);
      ReductionPlan plan = ReductionPlan.of(in.dims(), axes == null ? new int[0] : axes, keepDims);
      if (plan.rows().length() == 0 && operator != ReduceOp.SUM) {
        throw new TensorException(Kind.INVALID_ARGUMENT, name + " over an empty axis has no value");
      }
      Planned out = op.output(in.dtype(), plan.outDims());
      Planned transposed = plan.permutation() == null ? null : op.scratch(in.dtype(), in.count());
      op.macs(in.count());
      op.allocate();
      DeviceBuffer source = in.buffer();
      if (transposed != null) {
        kernels.copy(source, transposed.buffer, Dims.transposeCopy(in.dims(), plan.permutation()));
        source = transposed.buffer;
      }
      kernels.reduce(operator, source, out.buffer, plan.rows());
      return op.result(out);
    });
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    return execute("softmax", op -> {
      SessionTensor in = op.input(x);
      refuseInExact("softmax");
      requireType(in, FLOAT32);
      int[] dims = in.dims();
      int along = Dims.axis(axis, dims.length);
      Planned out = op.output(FLOAT32, dims);
      op.macs(Math.multiplyExact((long) in.count(), NORMALISATION_PASSES));
      op.allocate();
      kernels.softmax(in.buffer(), out.buffer, new Geometry.Rows(Dims.product(dims, 0, along), dims[along],
          Dims.product(dims, along + 1, dims.length)));
      return op.result(out);
    });
  }

  @Override
  public LayerNormResult layerNorm(Tensor x, Tensor scale, Tensor bias, int axis, float epsilon) {
    return execute("layerNorm", op -> {
      SessionTensor in = op.input(x);
      SessionTensor gamma = op.input(scale);
      SessionTensor beta = op.optionalInput(bias);
      refuseInExact("layerNorm");
      requireType(in, FLOAT32);
      requireType(gamma, FLOAT32);
      if (beta != null) {
        requireType(beta, FLOAT32);
      }
      int[] dims = in.dims();
      int along = Dims.axis(axis, dims.length);
      int[] normalised = Arrays.copyOfRange(dims, along, dims.length);
      for (SessionTensor parameter : beta == null ? List.of(gamma) : List.of(gamma, beta)) {
        if (!Broadcasting.broadcastsTo(parameter.dims(), normalised)) {
          throw new TensorException(Kind.SHAPE_MISMATCH, "layerNorm parameter " + parameter.shape()
              + " does not broadcast to " + Arrays.toString(normalised));
        }
      }
      if (!(epsilon >= 0) || Float.isInfinite(epsilon)) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "layerNorm epsilon must be finite and not negative, not "
            + epsilon);
      }
      int length = Dims.product(normalised);
      int[] statDims = dims.clone();
      Arrays.fill(statDims, along, dims.length, 1);
      Planned out = op.output(FLOAT32, dims);
      Planned mean = op.output(FLOAT32, statDims);
      Planned invStd = op.output(FLOAT32, statDims);
      Planned gammaFull = gamma.count() == length ? null : op.scratch(FLOAT32, length);
      Planned betaFull = beta == null || beta.count() == length ? null : op.scratch(FLOAT32, length);
      op.macs(Math.multiplyExact((long) in.count(), NORMALISATION_PASSES));
      op.allocate();
      DeviceBuffer gammaBuffer = expand(gamma, gammaFull, normalised);
      DeviceBuffer betaBuffer = beta == null ? null : expand(beta, betaFull, normalised);
      kernels.layerNorm(in.buffer(), gammaBuffer, betaBuffer, out.buffer, mean.buffer, invStd.buffer,
          new Geometry.Rows(Dims.product(dims, 0, along), length, 1), epsilon);
      return new LayerNormResult(op.result(out), op.result(mean), op.result(invStd));
    });
  }

  /** The parameter itself when it already has every value, otherwise its broadcast copy in {@code full}. */
  private DeviceBuffer expand(SessionTensor parameter, Planned full, int[] dims) {
    if (full == null) {
      return parameter.buffer();
    }
    kernels.copy(parameter.buffer(), full.buffer, new Geometry.Copy(dims, 0,
        Broadcasting.strides(parameter.dims(), dims), 0, Dims.contiguousStrides(dims)));
    return full.buffer;
  }

  @Override
  public Tensor batchNorm(Tensor x, Tensor scale, Tensor bias, Tensor mean, Tensor variance, float epsilon) {
    return execute("batchNorm", op -> {
      SessionTensor in = op.input(x);
      SessionTensor[] params = {op.input(scale), op.input(bias), op.input(mean), op.input(variance)};
      requireType(in, FLOAT32, Q16_16);
      requireArithmetic(in);
      for (SessionTensor param : params) {
        requireType(param, FLOAT32);
      }
      int[] dims = in.dims();
      if (dims.length < 2) {
        throw new TensorException(Kind.SHAPE_MISMATCH, "batchNorm takes (N, C, ...), not " + in.shape());
      }
      int channels = dims[1];
      for (SessionTensor param : params) {
        if (param.dims().length != 1 || param.dims()[0] != channels) {
          throw new TensorException(Kind.SHAPE_MISMATCH, "batchNorm parameter " + param.shape()
              + " must hold one value per channel (" + channels + ")");
        }
      }
      if (!(epsilon >= 0) || Float.isInfinite(epsilon)) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "batchNorm epsilon must be finite and not negative");
      }
      float[] gamma = kernels.readFloats(params[0].buffer());
      float[] beta = kernels.readFloats(params[1].buffer());
      float[] mu = kernels.readFloats(params[2].buffer());
      float[] var = kernels.readFloats(params[3].buffer());
      double[] factors = new double[channels];
      double[] offsets = new double[channels];
      for (int c = 0; c < channels; c++) {
        double denominator = (double) var[c] + epsilon;
        if (!(denominator > 0) || !Double.isFinite(denominator)) {
          throw new TensorException(Kind.INVALID_ARGUMENT, "batchNorm variance + epsilon of channel " + c
              + " must be positive and finite, not " + denominator);
        }
        factors[c] = gamma[c] / Math.sqrt(denominator);
        offsets[c] = beta[c] - mu[c] * factors[c];
        if (!Double.isFinite(factors[c]) || !Double.isFinite(offsets[c])) {
          throw new TensorException(Kind.INVALID_ARGUMENT, "batchNorm parameters of channel " + c
              + " are not finite");
        }
      }
      Geometry.Channels geometry = new Geometry.Channels(dims[0], channels, Dims.product(dims, 2, dims.length));
      Planned out = op.output(in.dtype(), dims);
      op.macs(in.count());
      if (in.dtype() == FLOAT32) {
        float[] scales = new float[channels];
        float[] shifts = new float[channels];
        for (int c = 0; c < channels; c++) {
          scales[c] = (float) factors[c];
          shifts[c] = (float) offsets[c];
        }
        op.allocate();
        kernels.channelAffine(in.buffer(), out.buffer, geometry, scales, shifts);
      } else {
        Requantization fixed = Requantization.fixed(factors);
        int[] outZero = new int[channels];
        for (int c = 0; c < channels; c++) {
          outZero[c] = FixedPoint.fromDouble(offsets[c]);
        }
        op.allocate();
        kernels.requantizeFixed(in.buffer(), out.buffer, geometry, new int[] {0}, fixed.multipliers(),
            fixed.shifts(), outZero);
      }
      return op.result(out);
    });
  }

  // ---- quantized integer operations

  @Override
  public Tensor quantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis) {
    return execute("quantizeLinear", op -> {
      SessionTensor in = op.input(x);
      SessionTensor s = op.input(scale);
      SessionTensor z = op.optionalInput(zeroPoint);
      requireType(in, FLOAT32, Q16_16);
      requireArithmetic(in);
      requireType(s, FLOAT32);
      if (z != null) {
        requireType(z, INT8, UINT8);
      }
      DType outType = z == null ? UINT8 : z.dtype();
      Geometry.Channels geometry = quantizationAxis(in, s, z, axis);
      float[] scales = positiveScales(s);
      int[] zeroPoints = z == null ? new int[] {0} : kernels.readInts(z.buffer());
      Planned out = op.output(outType, in.dims());
      op.macs(in.count());
      if (in.dtype() == FLOAT32) {
        op.allocate();
        kernels.quantize(in.buffer(), out.buffer, geometry, scales, zeroPoints);
      } else {
        double[] factors = new double[scales.length];
        for (int c = 0; c < scales.length; c++) {
          factors[c] = 1.0 / ((double) scales[c] * FixedPoint.ONE);
        }
        Requantization fixed = Requantization.fixed(factors);
        op.allocate();
        kernels.requantizeFixed(in.buffer(), out.buffer, geometry, new int[] {0}, fixed.multipliers(),
            fixed.shifts(), zeroPoints);
      }
      return op.result(out);
    });
  }

  @Override
  public Tensor dequantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis) {
    return execute("dequantizeLinear", op -> {
      SessionTensor in = op.input(x);
      SessionTensor s = op.input(scale);
      SessionTensor z = op.optionalInput(zeroPoint);
      requireType(in, INT8, UINT8, INT32);
      requireType(s, FLOAT32);
      if (z != null) {
        requireSameType(in, z);
      }
      Geometry.Channels geometry = quantizationAxis(in, s, z, axis);
      float[] scales = positiveScales(s);
      int[] zeroPoints = z == null ? new int[] {0} : kernels.readInts(z.buffer());
      op.macs(in.count());
      if (mode == NumericMode.FAST) {
        Planned out = op.output(FLOAT32, in.dims());
        op.allocate();
        kernels.dequantize(in.buffer(), out.buffer, geometry, scales, zeroPoints);
        return op.result(out);
      }
      double[] factors = new double[scales.length];
      for (int c = 0; c < scales.length; c++) {
        factors[c] = (double) scales[c] * FixedPoint.ONE;
      }
      Requantization fixed = Requantization.fixed(factors);
      Planned out = op.output(Q16_16, in.dims());
      op.allocate();
      kernels.requantizeFixed(in.buffer(), out.buffer, geometry, zeroPoints, fixed.multipliers(), fixed.shifts(),
          new int[] {0});
      return op.result(out);
    });
  }

  /**
   * The channels a scale applies along: a scalar (or a single value) applies to the whole tensor; a 1-D scale
   * holds one value per index of {@code axis}. The zero point, when given, has the scale's shape.
   */
  private static Geometry.Channels quantizationAxis(SessionTensor x, SessionTensor scale, SessionTensor zero,
      int axis) {
    int[] scaleDims = scale.dims();
    if (scaleDims.length > 1) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "a quantization scale is a scalar or 1-D, not "
          + scale.shape());
    }
    if (zero != null && zero.count() != scale.count()) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "zero point " + zero.shape() + " and scale "
          + scale.shape() + " differ");
    }
    if (scale.count() == 1) {
      return new Geometry.Channels(1, 1, x.count());
    }
    int[] dims = x.dims();
    int along = Dims.axis(axis, dims.length);
    if (dims[along] != scale.count()) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "scale " + scale.shape() + " does not match axis " + axis
          + " of " + x.shape());
    }
    return new Geometry.Channels(Dims.product(dims, 0, along), dims[along],
        Dims.product(dims, along + 1, dims.length));
  }

  private float[] positiveScales(SessionTensor scale) {
    float[] scales = kernels.readFloats(scale.buffer());
    for (float value : scales) {
      if (!(value > 0) || Float.isInfinite(value)) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "quantization scales must be positive and finite, not "
            + value);
      }
    }
    return scales;
  }

  @Override
  public Tensor matMulInteger(Tensor a, Tensor b, Tensor aZeroPoint, Tensor bZeroPoint) {
    return execute("matMulInteger", op -> {
      QuantizedProduct product = quantizedProduct(op, a, aZeroPoint, b, bZeroPoint);
      Planned out = op.output(INT32, product.plan().outDims());
      op.allocate();
      kernels.matmulInteger(product.a().buffer(), product.b().buffer(), out.buffer, product.plan().geometry(),
          product.aZero(), product.bZero());
      return op.result(out);
    });
  }

  @Override
  public Tensor qLinearMatMul(Tensor a, Tensor aScale, Tensor aZeroPoint, Tensor b, Tensor bScale,
      Tensor bZeroPoint, Tensor yScale, Tensor yZeroPoint) {
    return execute("qLinearMatMul", op -> {
      QuantizedProduct product = quantizedProduct(op, a, aZeroPoint, b, bZeroPoint);
      SessionTensor sa = op.input(aScale);
      SessionTensor sb = op.input(bScale);
      SessionTensor sy = op.input(yScale);
      SessionTensor zy = op.optionalInput(yZeroPoint);
      Geometry.Matmul g = product.plan().geometry();
      float[] aScales = scalarScale(sa, "a_scale");
      float[] bScales = channelScales(sb, g.n(), "b_scale");
      float[] yScales = scalarScale(sy, "y_scale");
      int[] yZero = outputZero(zy);
      DType outType = zy == null ? UINT8 : zy.dtype();
      Requantization requantization = requantization(aScales[0], bScales, yScales[0]);
      Planned out = op.output(outType, product.plan().outDims());
      Planned accumulator = op.scratch(INT32, out.count);
      op.allocate();
      kernels.matmulInteger(product.a().buffer(), product.b().buffer(), accumulator.buffer, g, product.aZero(),
          product.bZero());
      requantization.apply(kernels, accumulator.buffer, out.buffer,
          new Geometry.Channels(out.count / Math.max(g.n(), 1), g.n(), 1), yZero);
      return op.result(out);
    });
  }

  private record QuantizedProduct(SessionTensor a, SessionTensor b, MatmulPlan plan, int[] aZero, int[] bZero) {}

  /** The checked operands of an integer matmul, charged to {@code op}, with their zero points read. */
  private QuantizedProduct quantizedProduct(Operation op, Tensor a, Tensor aZeroPoint, Tensor b,
      Tensor bZeroPoint) {
    SessionTensor x = op.input(a);
    SessionTensor y = op.input(b);
    SessionTensor xz = op.optionalInput(aZeroPoint);
    SessionTensor yz = op.optionalInput(bZeroPoint);
    requireType(x, INT8, UINT8);
    requireType(y, INT8, UINT8);
    if (xz != null) {
      requireSameType(x, xz);
    }
    if (yz != null) {
      requireSameType(y, yz);
    }
    MatmulPlan plan = MatmulPlan.of(x.dims(), y.dims());
    int[] aZero = channelZero(xz, plan.geometry().m(), "a_zero_point");
    int[] bZero = channelZero(yz, plan.geometry().n(), "b_zero_point");
    op.macs(plan.multiplyAccumulates());
    return new QuantizedProduct(x, y, plan, aZero, bZero);
  }

  @Override
  public Tensor convInteger(Tensor x, Tensor weights, Tensor xZeroPoint, Tensor wZeroPoint, ConvOptions options) {
    return execute("convInteger", op -> {
      QuantizedConv conv = quantizedConv(op, x, xZeroPoint, weights, wZeroPoint, options);
      Planned out = op.output(INT32, conv.plan().outDims());
      op.allocate();
      kernels.convInteger(conv.x().buffer(), conv.w().buffer(), out.buffer, conv.plan().geometry(), conv.xZero(),
          conv.wZero());
      return op.result(out);
    });
  }

  @Override
  public Tensor qLinearConv(Tensor x, Tensor xScale, Tensor xZeroPoint, Tensor weights, Tensor wScale,
      Tensor wZeroPoint, Tensor yScale, Tensor yZeroPoint, Tensor bias, ConvOptions options) {
    return execute("qLinearConv", op -> {
      QuantizedConv conv = quantizedConv(op, x, xZeroPoint, weights, wZeroPoint, options);
      SessionTensor sx = op.input(xScale);
      SessionTensor sw = op.input(wScale);
      SessionTensor sy = op.input(yScale);
      SessionTensor zy = op.optionalInput(yZeroPoint);
      SessionTensor b = op.optionalInput(bias);
      Geometry.Conv g = conv.plan().geometry();
      if (b != null) {
        requireType(b, INT32);
        if (b.dims().length != 1 || b.dims()[0] != g.outChannels()) {
          throw new TensorException(Kind.SHAPE_MISMATCH, "qLinearConv bias " + b.shape()
              + " must hold one value per output channel (" + g.outChannels() + ")");
        }
      }
      float[] xScales = scalarScale(sx, "x_scale");
      float[] wScales = channelScales(sw, g.outChannels(), "w_scale");
      float[] yScales = scalarScale(sy, "y_scale");
      int[] yZero = outputZero(zy);
      DType outType = zy == null ? UINT8 : zy.dtype();
      Requantization requantization = requantization(xScales[0], wScales, yScales[0]);
      int[] outDims = conv.plan().outDims();
      Planned out = op.output(outType, outDims);
      Planned accumulator = op.scratch(INT32, out.count);
      Planned biased = b == null ? null : op.scratch(INT32, out.count);
      op.allocate();
      kernels.convInteger(conv.x().buffer(), conv.w().buffer(), accumulator.buffer, g, conv.xZero(),
          conv.wZero());
      DeviceBuffer sums = accumulator.buffer;
      if (b != null) {
        kernels.binary(BinaryOp.ADD, accumulator.buffer, b.buffer(), biased.buffer,
            Broadcasting.geometry(outDims, new int[] {g.outChannels(), 1, 1}));
        sums = biased.buffer;
      }
      requantization.apply(kernels, sums, out.buffer,
          new Geometry.Channels(g.batch(), g.outChannels(), g.outHeight() * g.outWidth()), yZero);
      return op.result(out);
    });
  }

  private record QuantizedConv(SessionTensor x, SessionTensor w, ConvPlan plan, int xZero, int[] wZero) {}

  private QuantizedConv quantizedConv(Operation op, Tensor x, Tensor xZeroPoint, Tensor weights,
      Tensor wZeroPoint, ConvOptions options) {
    SessionTensor in = op.input(x);
    SessionTensor w = op.input(weights);
    SessionTensor xz = op.optionalInput(xZeroPoint);
    SessionTensor wz = op.optionalInput(wZeroPoint);
    require(options, "conv options");
    requireType(in, INT8, UINT8);
    requireType(w, INT8, UINT8);
    if (xz != null) {
      requireSameType(in, xz);
    }
    if (wz != null) {
      requireSameType(w, wz);
    }
    ConvPlan plan = ConvPlan.of(in.dims(), w.dims(), options);
    int[] xZero = channelZero(xz, 1, "x_zero_point");
    int[] wZero = channelZero(wz, plan.geometry().outChannels(), "w_zero_point");
    op.macs(plan.multiplyAccumulates());
    return new QuantizedConv(in, w, plan, xZero[0], wZero);
  }

  /** A zero point holding one value, or one per channel when {@code channels} allows; null reads as 0. */
  private int[] channelZero(SessionTensor zero, int channels, String name) {
    if (zero == null) {
      return new int[] {0};
    }
    if (zero.dims().length > 1 || (zero.count() != 1 && zero.count() != channels)) {
      throw new TensorException(Kind.SHAPE_MISMATCH, name + " " + zero.shape() + " must be a scalar or hold "
          + channels + " values");
    }
    return kernels.readInts(zero.buffer());
  }

  private int[] outputZero(SessionTensor zero) {
    if (zero == null) {
      return new int[] {0};
    }
    requireType(zero, INT8, UINT8);
    return channelZero(zero, 1, "y_zero_point");
  }

  private float[] scalarScale(SessionTensor scale, String name) {
    return channelScales(scale, 1, name);
  }

  private float[] channelScales(SessionTensor scale, int channels, String name) {
    requireType(scale, FLOAT32);
    if (scale.dims().length > 1 || (scale.count() != 1 && scale.count() != channels)) {
      throw new TensorException(Kind.SHAPE_MISMATCH, name + " " + scale.shape() + " must be a scalar or hold "
          + channels + " values");
    }
    return positiveScales(scale);
  }

  /** {@code inScale * weightScale[c] / outScale}, in float for FAST (as ONNX Runtime) and double for EXACT. */
  private Requantization requantization(float inScale, float[] weightScales, float outScale) {
    if (mode == NumericMode.FAST) {
      float[] multipliers = new float[weightScales.length];
      for (int c = 0; c < multipliers.length; c++) {
        multipliers[c] = inScale * weightScales[c] / outScale;
      }
      return Requantization.floating(multipliers);
    }
    double[] factors = new double[weightScales.length];
    for (int c = 0; c < factors.length; c++) {
      factors[c] = (double) inScale * weightScales[c] / outScale;
    }
    return Requantization.fixed(factors);
  }

  // ---- validation helpers

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new TensorException(Kind.INVALID_ARGUMENT, what + " is required");
    }
    return value;
  }

  private static void requireCount(Shape shape, float[] values) {
    requireCount(shape, require(values, "values").length);
  }

  private static void requireCount(Shape shape, int[] values) {
    requireCount(shape, require(values, "values").length);
  }

  private static void requireCount(Shape shape, int count) {
    require(shape, "shape");
    if (shape.elementCount() != count) {
      throw new TensorException(Kind.SHAPE_MISMATCH, "shape " + shape + " holds " + shape.elementCount()
          + " elements, not " + count);
    }
  }

  private static void requireType(SessionTensor tensor, DType... allowed) {
    for (DType dtype : allowed) {
      if (tensor.dtype() == dtype) {
        return;
      }
    }
    throw new TensorException(Kind.WRONG_DTYPE, "expected " + Arrays.toString(allowed) + ", not "
        + tensor.dtype());
  }

  private static void requireSameType(SessionTensor a, SessionTensor b) {
    if (a.dtype() != b.dtype()) {
      throw new TensorException(Kind.WRONG_DTYPE, "types differ: " + a.dtype() + " and " + b.dtype());
    }
  }

  /** EXACT sessions do no float arithmetic. */
  private void requireArithmetic(SessionTensor tensor) {
    if (mode == NumericMode.EXACT && tensor.dtype() == FLOAT32) {
      throw unsupportedInExact("float32 arithmetic");
    }
  }

  private void refuseInExact(String operation) {
    if (mode == NumericMode.EXACT) {
      throw unsupportedInExact(operation);
    }
  }

  private static TensorException unsupportedInExact(String what) {
    return new TensorException(Kind.UNSUPPORTED_IN_EXACT, what + " has no bit-exact form in an EXACT session");
  }

  private static Geometry.Copy flatCopy(int count) {
    return new Geometry.Copy(new int[] {count}, 0, new int[] {1}, 0, new int[] {1});
  }

  // ---- running an operation

  /**
   * Runs {@code body} as operation {@code name}: refused operations and failures release what it allocated,
   * are reported and cost nothing; a completed one adds its cost.
   */
  private <R> R execute(String name, Function<Operation, R> body) {
    Operation op = new Operation();
    try {
      if (closed) {
        throw new TensorException(Kind.CLOSED, "the session is closed");
      }
      R result = body.apply(op);
      op.complete(name);
      return result;
    } catch (TensorException e) {
      op.abort();
      listener.refused(name, e.kind());
      throw e;
    } catch (ArithmeticException e) {
      op.abort();
      Kind kind = op.allocated ? Kind.BACKEND_FAILURE : Kind.LIMIT_EXCEEDED;
      listener.refused(name, kind);
      throw new TensorException(kind, name + ": sizes overflow", e);
    } catch (RuntimeException e) {
      op.abort();
      listener.refused(name, Kind.BACKEND_FAILURE);
      throw new TensorException(Kind.BACKEND_FAILURE, name + " failed on the " + kernels.backendName()
          + " backend: " + e, e);
    } catch (Error e) {
      op.abort();
      listener.refused(name, Kind.BACKEND_FAILURE);
      throw e;
    }
  }

  /** A buffer an operation will allocate: an output that becomes a tensor, or scratch released at the end. */
  private static final class Planned {
    final DType dtype;
    final Shape shape;
    final int count;
    DeviceBuffer buffer;
    SessionTensor tensor;

    Planned(DType dtype, Shape shape, int count) {
      this.dtype = dtype;
      this.shape = shape;
      this.count = count;
    }

    long bytes() {
      return (long) count * dtype.byteSize();
    }
  }

  /** What one operation reads, plans to write and spends; limits are checked on {@link #allocate()}. */
  private final class Operation {
    private final long started = System.nanoTime();
    private final List<Planned> planned = new ArrayList<>();
    private long bytesRead;
    private long bytesWritten;
    private long macs;
    boolean allocated;

    SessionTensor input(Tensor tensor) {
      if (tensor == null) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "a tensor argument is null");
      }
      if (!(tensor instanceof SessionTensor own) || own.session() != Session.this) {
        throw new TensorException(Kind.INVALID_ARGUMENT, "the tensor belongs to another session");
      }
      if (own.isClosed()) {
        throw new TensorException(Kind.CLOSED, "the tensor " + own.shape() + " was closed");
      }
      bytesRead = Math.addExact(bytesRead, own.byteSize());
      return own;
    }

    SessionTensor optionalInput(Tensor tensor) {
      return tensor == null ? null : input(tensor);
    }

    Planned output(DType dtype, int[] dims) {
      if (dims.length > limits.maxRank()) {
        throw new TensorException(Kind.LIMIT_EXCEEDED, "rank " + dims.length + " exceeds the session's "
            + limits.maxRank());
      }
      Shape shape = Shape.of(dims);
      Planned buffer = plan(dtype, shape, shape.elementCount());
      bytesWritten = Math.addExact(bytesWritten, buffer.bytes());
      return buffer;
    }

    Planned scratch(DType dtype, long count) {
      return plan(dtype, null, count);
    }

    private Planned plan(DType dtype, Shape shape, long count) {
      if (count > maxElements) {
        throw new TensorException(Kind.LIMIT_EXCEEDED, count + " elements exceed the session's limit of "
            + maxElements);
      }
      Planned buffer = new Planned(dtype, shape, (int) count);
      planned.add(buffer);
      return buffer;
    }

    void macs(long count) {
      macs = Math.addExact(macs, count);
    }

    /** Checks memory and the multiply-accumulate budget, then allocates every planned buffer. */
    void allocate() {
      long newBytes = 0;
      for (Planned buffer : planned) {
        newBytes = Math.addExact(newBytes, buffer.bytes());
      }
      if (newBytes > limits.maxSessionBytes() - bytesInUse) {
        throw new TensorException(Kind.LIMIT_EXCEEDED, "the operation needs " + newBytes + " bytes; the session "
            + "holds " + bytesInUse + " of at most " + limits.maxSessionBytes());
      }
      if (macs > limits.maxMultiplyAccumulates() - cost.multiplyAccumulates()) {
        throw new TensorException(Kind.LIMIT_EXCEEDED, "the operation's " + macs + " multiply-accumulates exceed "
            + "what is left of the session's " + limits.maxMultiplyAccumulates());
      }
      allocated = true;
      for (Planned buffer : planned) {
        buffer.buffer = kernels.allocate(buffer.dtype, buffer.count);
      }
    }

    /** The output as a tensor of this session. */
    SessionTensor result(Planned output) {
      output.tensor = new SessionTensor(Session.this, output.buffer, output.shape);
      live.add(output.tensor);
      bytesInUse += output.bytes();
      return output.tensor;
    }

    void complete(String name) {
      for (Planned buffer : planned) {
        if (buffer.tensor == null && buffer.buffer != null) {
          buffer.buffer.close();
        }
      }
      Cost spent = new Cost(macs, Math.addExact(bytesRead, bytesWritten), 1);
      cost = cost.plus(spent);
      lastCost = spent;
      listener.completed(name, spent, System.nanoTime() - started);
    }

    void abort() {
      for (Planned buffer : planned) {
        if (buffer.tensor != null) {
          release(buffer.tensor);
        } else if (buffer.buffer != null) {
          buffer.buffer.close();
        }
      }
    }
  }
}
