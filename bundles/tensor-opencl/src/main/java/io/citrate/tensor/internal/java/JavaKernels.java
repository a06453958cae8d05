package io.citrate.tensor.internal.java;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
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
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The pure-Java reference backend: every other backend is checked against it. Buffers live in the Java heap.
 * Integer and Q16_16 results follow {@link Kernels} and {@link FixedPoint} bit for bit; FLOAT32 transcendentals
 * are evaluated in double and rounded once to float. Stateless, so safe for concurrent use.
 */
public final class JavaKernels implements Kernels {
  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);

  @Override
  public String backendName() {
    return "java";
  }

  @Override
  public String deviceName() {
    return "Java heap, " + Runtime.getRuntime().availableProcessors() + " cores";
  }

  @Override
  public DeviceBuffer allocate(DType dtype, int count) {
    return new JavaBuffer(dtype, count);
  }

  @Override
  public void write(DeviceBuffer target, float[] values) {
    JavaBuffer buffer = java(target);
    checkLength(buffer, values.length);
    System.arraycopy(values, 0, buffer.floats(), 0, values.length);
  }

  @Override
  public void write(DeviceBuffer target, int[] values) {
    JavaBuffer buffer = java(target);
    checkLength(buffer, values.length);
    storeInts(buffer, values);
  }

  @Override
  public float[] readFloats(DeviceBuffer source) {
    return java(source).floats().clone();
  }

  @Override
  public int[] readInts(DeviceBuffer source) {
    return java(source).toInts();
  }

  // ---- conversion

  @Override
  public void convert(DeviceBuffer input, DeviceBuffer output) {
    JavaBuffer in = java(input);
    JavaBuffer out = java(output);
    int count = in.count();
    DType from = in.dtype();
    DType to = out.dtype();
    if (from == to) {
      System.arraycopy(in.live(), 0, out.live(), 0, count);
      return;
    }
    if (from == DType.FLOAT32) {
      float[] values = in.floats();
      int[] converted = new int[count];
      for (int i = 0; i < count; i++) {
        // (long) maps NaN to 0 and saturates infinities; scaling by 2^16 is exact, rint rounds ties to even.
        converted[i] = to == DType.Q16_16
            ? (int) clamp(to, (long) Math.rint(values[i] * (double) FixedPoint.ONE))
            : (int) clamp(to, (long) values[i]);
      }
      storeInts(out, converted);
      return;
    }
    int[] values = in.toInts();
    if (to == DType.FLOAT32) {
      float[] converted = out.floats();
      for (int i = 0; i < count; i++) {
        converted[i] = from == DType.Q16_16 ? values[i] / 65536f : (float) values[i];
      }
      return;
    }
    int[] converted = new int[count];
    for (int i = 0; i < count; i++) {
      long value;
      if (to == DType.Q16_16) {
        value = (long) values[i] << FixedPoint.FRACTION_BITS;
      } else if (from == DType.Q16_16) {
        value = FixedPoint.roundShift(values[i], FixedPoint.FRACTION_BITS);
      } else {
        value = values[i];
      }
      converted[i] = (int) clamp(to, value);
    }
    storeInts(out, converted);
  }

  // ---- element-wise

  @Override
  public void binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Broadcast geometry) {
    JavaBuffer left = java(a);
    JavaBuffer right = java(b);
    JavaBuffer result = java(out);
    DType dtype = result.dtype();
    int[] dims = geometry.dims();
    int[][] strides = {geometry.strides()[0], geometry.strides()[1], StridedRows.contiguous(dims)};
    int[] bases = new int[3];
    if (dtype == DType.FLOAT32) {
      float[] x = left.floats();
      float[] y = right.floats();
      float[] z = result.floats();
      FloatBinary function = floatBinary(op);
      StridedRows.walk(dims, bases, strides, (starts, length, steps) -> {
        for (int j = 0; j < length; j++) {
          z[starts[2] + j] = function.apply(x[starts[0] + j * steps[0]], y[starts[1] + j * steps[1]]);
        }
      });
      return;
    }
    IntBinaryOperator function = integerBinary(op, dtype);
    if (dtype == DType.INT8 || dtype == DType.UINT8) {
      byte[] x = left.bytes();
      byte[] y = right.bytes();
      byte[] z = result.bytes();
      int mask = dtype == DType.UINT8 ? 0xFF : -1;
      StridedRows.walk(dims, bases, strides, (starts, length, steps) -> {
        for (int j = 0; j < length; j++) {
          int xv = x[starts[0] + j * steps[0]] & mask;
          int yv = y[starts[1] + j * steps[1]] & mask;
          // The cast wraps the widened result to 8 bits, as C arithmetic stored to the type does.
          z[starts[2] + j] = (byte) function.applyAsInt(xv, yv);
        }
      });
      return;
    }
    int[] x = left.ints();
    int[] y = right.ints();
    int[] z = result.ints();
    StridedRows.walk(dims, bases, strides, (starts, length, steps) -> {
      for (int j = 0; j < length; j++) {
        z[starts[2] + j] = function.applyAsInt(x[starts[0] + j * steps[0]], y[starts[1] + j * steps[1]]);
      }
    });
  }

  @FunctionalInterface
  private interface FloatBinary {
    float apply(float x, float y);
  }

  private static FloatBinary floatBinary(BinaryOp op) {
    return switch (op) {
      case ADD -> (x, y) -> x + y;
      case SUB -> (x, y) -> x - y;
      case MUL -> (x, y) -> x * y;
      case DIV -> (x, y) -> x / y;
      case POW -> (x, y) -> (float) Math.pow(x, y);
      case MIN -> Math::min;
      case MAX -> Math::max;
    };
  }

  /** INT8/UINT8/INT32 wrap as C does (the caller narrows 8-bit results); Q16_16 follows FixedPoint. */
  private static IntBinaryOperator integerBinary(BinaryOp op, DType dtype) {
    if (dtype == DType.Q16_16) {
      return switch (op) {
        case ADD -> (x, y) -> FixedPoint.saturate((long) x + y);
        case SUB -> (x, y) -> FixedPoint.saturate((long) x - y);
        case MUL -> FixedPoint::multiply;
        case DIV -> FixedPoint::divide;
        case MIN -> Math::min;
        case MAX -> Math::max;
        case POW -> throw wrongType("POW", dtype);
      };
    }
    return switch (op) {
      case ADD -> (x, y) -> x + y;
      case SUB -> (x, y) -> x - y;
      case MUL -> (x, y) -> x * y;
      // Java's int division truncates toward zero and wraps MIN_VALUE / -1, as two's complement C does.
      case DIV -> (x, y) -> y == 0 ? 0 : x / y;
      case MIN -> Math::min;
      case MAX -> Math::max;
      case POW -> throw wrongType("POW", dtype);
    };
  }

  @Override
  public void where(DeviceBuffer condition, DeviceBuffer x, DeviceBuffer y, DeviceBuffer out,
      Broadcast geometry) {
    byte[] mask = java(condition).bytes();
    Object whenTrue = java(x).live();
    Object whenFalse = java(y).live();
    Object result = java(out).live();
    int[] dims = geometry.dims();
    int[][] strides = {geometry.strides()[0], geometry.strides()[1], geometry.strides()[2],
        StridedRows.contiguous(dims)};
    StridedRows.walk(dims, new int[4], strides, (starts, length, steps) -> {
      for (int j = 0; j < length; j++) {
        boolean pickX = mask[starts[0] + j * steps[0]] != 0;
        int source = pickX ? starts[1] + j * steps[1] : starts[2] + j * steps[2];
        copyElement(pickX ? whenTrue : whenFalse, source, result, starts[3] + j);
      }
    });
  }

  private static void copyElement(Object source, int from, Object target, int to) {
    if (source instanceof float[] x && target instanceof float[] y) {
      y[to] = x[from];
    } else if (source instanceof int[] x && target instanceof int[] y) {
      y[to] = x[from];
    } else if (source instanceof byte[] x && target instanceof byte[] y) {
      y[to] = x[from];
    } else {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "where needs x, y and out of one type");
    }
  }

  @Override
  public void unary(UnaryOp op, DeviceBuffer in, DeviceBuffer out, double p0, double p1) {
    JavaBuffer source = java(in);
    JavaBuffer target = java(out);
    int count = source.count();
    DType dtype = source.dtype();
    if (dtype == DType.FLOAT32) {
      float[] x = source.floats();
      float[] y = target.floats();
      FloatUnary function = floatUnary(op, (float) p0, (float) p1);
      for (int i = 0; i < count; i++) {
        y[i] = function.apply(x[i]);
      }
      return;
    }
    IntUnaryOperator function = integerUnary(op, dtype, p0, p1);
    int[] x = source.toInts();
    int[] y = new int[count];
    for (int i = 0; i < count; i++) {
      y[i] = function.applyAsInt(x[i]);
    }
    storeInts(target, y);
  }

  @FunctionalInterface
  private interface FloatUnary {
    float apply(float x);
  }

  private static FloatUnary floatUnary(UnaryOp op, float p0, float p1) {
    return switch (op) {
      case RELU -> x -> Math.max(x, 0f);
      case LEAKY_RELU -> x -> x < 0 ? x * p0 : x;
      case CLIP -> x -> Math.min(Math.max(x, p0), p1);
      case SIGMOID -> x -> (float) (1 / (1 + Math.exp(-(double) x)));
      case TANH -> x -> (float) Math.tanh(x);
      // x (1 + erf(x / sqrt 2)) / 2 written with erfc, which keeps its accuracy for large negative x.
      case GELU -> x -> Float.isInfinite(x) ? Math.max(x, 0f)
          : (float) (0.5 * x * ErrorFunction.erfc(-x * SQRT_HALF));
      case GELU_TANH -> x -> {
        if (Float.isInfinite(x)) {
          // The limits, where the formula would give infinity times 0.
          return Math.max(x, 0f);
        }
        double v = x;
        return (float) (0.5 * v * (1 + Math.tanh(SQRT_TWO_OVER_PI * (v + 0.044715 * v * v * v))));
      };
      case ERF -> x -> (float) ErrorFunction.erf(x);
      case EXP -> x -> (float) Math.exp(x);
      case LOG -> x -> (float) Math.log(x);
      case SQRT -> x -> (float) Math.sqrt(x);
    };
  }

  private static IntUnaryOperator integerUnary(UnaryOp op, DType dtype, double p0, double p1) {
    return switch (op) {
      case RELU -> x -> Math.max(x, 0);
      case CLIP -> x -> (int) clamp(dtype, clampToLong(Math.min(Math.max(x, p0), p1)));
      case LEAKY_RELU -> {
        if (dtype != DType.Q16_16) {
          throw wrongType(op.toString(), dtype);
        }
        int alpha = (int) p0;
        yield x -> x < 0 ? FixedPoint.multiply(x, alpha) : x;
      }
      default -> throw wrongType(op.toString(), dtype);
    };
  }

  // ---- data movement

  @Override
  public void copy(DeviceBuffer in, DeviceBuffer out, Copy geometry) {
    Object source = java(in).live();
    Object target = java(out).live();
    int[][] strides = {geometry.inStrides(), geometry.outStrides()};
    int[] bases = {geometry.inOffset(), geometry.outOffset()};
    StridedRows.walk(geometry.dims(), bases, strides, (starts, length, steps) -> {
      if (steps[0] == 1 && steps[1] == 1) {
        System.arraycopy(source, starts[0], target, starts[1], length);
      } else {
        copyStrided(source, starts[0], steps[0], target, starts[1], steps[1], length);
      }
    });
  }

  private static void copyStrided(Object source, int from, int fromStep, Object target, int to, int toStep,
      int length) {
    if (source instanceof float[] x && target instanceof float[] y) {
      for (int j = 0; j < length; j++) {
        y[to + j * toStep] = x[from + j * fromStep];
      }
    } else if (source instanceof int[] x && target instanceof int[] y) {
      for (int j = 0; j < length; j++) {
        y[to + j * toStep] = x[from + j * fromStep];
      }
    } else if (source instanceof byte[] x && target instanceof byte[] y) {
      for (int j = 0; j < length; j++) {
        y[to + j * toStep] = x[from + j * fromStep];
      }
    } else {
      throw new TensorException(TensorException.Kind.WRONG_DTYPE, "copy needs buffers of one type");
    }
  }

  @Override
  public void gather(DeviceBuffer data, DeviceBuffer indices, DeviceBuffer out, Gather geometry) {
    Object source = java(data).live();
    int[] index = java(indices).ints();
    Object target = java(out).live();
    int inner = geometry.inner();
    for (int o = 0; o < geometry.outer(); o++) {
      for (int j = 0; j < geometry.indexCount(); j++) {
        int from = (o * geometry.axisLength() + index[j]) * inner;
        int to = (o * geometry.indexCount() + j) * inner;
        System.arraycopy(source, from, target, to, inner);
      }
    }
  }

  // ---- linear algebra, convolution and pooling

  @Override
  public void matmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry) {
    LinearKernels.matmul(java(a), java(b), java(out), geometry);
  }

  @Override
  public void matmulInteger(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry, int[] aZero,
      int[] bZero) {
    LinearKernels.matmulInteger(java(a), java(b), java(out), geometry, aZero, bZero);
  }

  @Override
  public void conv2d(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer bias, DeviceBuffer out, Conv geometry) {
    LinearKernels.conv2d(java(x), java(weights), bias == null ? null : java(bias), java(out), geometry);
  }

  @Override
  public void convInteger(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer out, Conv geometry, int xZero,
      int[] wZero) {
    LinearKernels.convInteger(java(x), java(weights), java(out), geometry, xZero, wZero);
  }

  @Override
  public void pool(PoolKind kind, DeviceBuffer in, DeviceBuffer out, DeviceBuffer indices, Pool geometry) {
    PoolKernels.pool(kind, java(in), java(out), indices == null ? null : java(indices), geometry);
  }

  // ---- reductions and normalisation

  @Override
  public void reduce(ReduceOp op, DeviceBuffer in, DeviceBuffer out, Rows geometry) {
    JavaBuffer source = java(in);
    JavaBuffer target = java(out);
    int outer = geometry.outer();
    int length = geometry.length();
    int inner = geometry.inner();
    if (source.dtype() == DType.FLOAT32) {
      float[] x = source.floats();
      float[] y = target.floats();
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          int base = o * length * inner + i;
          float accumulator = op == ReduceOp.MAX ? Float.NEGATIVE_INFINITY : 0f;
          for (int l = 0; l < length; l++) {
            float value = x[base + l * inner];
            accumulator = op == ReduceOp.MAX ? Math.max(accumulator, value) : accumulator + value;
          }
          y[o * inner + i] = op == ReduceOp.MEAN ? accumulator / length : accumulator;
        }
      }
      return;
    }
    DType dtype = source.dtype();
    int[] x = source.toInts();
    int[] y = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * length * inner + i;
        long result;
        if (op == ReduceOp.MAX) {
          int max = (int) dtype.minValue();
          for (int l = 0; l < length; l++) {
            max = Math.max(max, x[base + l * inner]);
          }
          result = max;
        } else {
          long sum = 0;
          for (int l = 0; l < length; l++) {
            sum += x[base + l * inner];
          }
          result = op == ReduceOp.MEAN ? (length == 0 ? 0 : FixedPoint.divideRounded(sum, length)) : sum;
        }
        y[o * inner + i] = (int) clamp(dtype, result);
      }
    }
    storeInts(target, y);
  }

  @Override
  public void softmax(DeviceBuffer in, DeviceBuffer out, Rows geometry) {
    float[] x = java(in).floats();
    float[] y = java(out).floats();
    int length = geometry.length();
    int inner = geometry.inner();
    for (int o = 0; o < geometry.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * length * inner + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int l = 0; l < length; l++) {
          max = Math.max(max, x[base + l * inner]);
        }
        double sum = 0;
        for (int l = 0; l < length; l++) {
          sum += Math.exp((double) x[base + l * inner] - max);
        }
        for (int l = 0; l < length; l++) {
          y[base + l * inner] = (float) (Math.exp((double) x[base + l * inner] - max) / sum);
        }
      }
    }
  }

  @Override
  public void layerNorm(DeviceBuffer in, DeviceBuffer scale, DeviceBuffer bias, DeviceBuffer out,
      DeviceBuffer mean, DeviceBuffer inverseStdDev, Rows geometry, float epsilon) {
    float[] x = java(in).floats();
    float[] gamma = java(scale).floats();
    float[] beta = bias == null ? null : java(bias).floats();
    float[] y = java(out).floats();
    float[] means = mean == null ? null : java(mean).floats();
    float[] inverses = inverseStdDev == null ? null : java(inverseStdDev).floats();
    int length = geometry.length();
    int inner = geometry.inner();
    for (int o = 0; o < geometry.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * length * inner + i;
        double sum = 0;
        for (int l = 0; l < length; l++) {
          sum += x[base + l * inner];
        }
        double average = sum / length;
        double squares = 0;
        for (int l = 0; l < length; l++) {
          double deviation = x[base + l * inner] - average;
          squares += deviation * deviation;
        }
        double inverse = 1 / Math.sqrt(squares / length + epsilon);
        for (int l = 0; l < length; l++) {
          double normalised = (x[base + l * inner] - average) * inverse * gamma[l];
          y[base + l * inner] = (float) (beta == null ? normalised : normalised + beta[l]);
        }
        if (means != null) {
          means[o * inner + i] = (float) average;
        }
        if (inverses != null) {
          inverses[o * inner + i] = (float) inverse;
        }
      }
    }
  }

  @Override
  public void channelAffine(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales,
      float[] offsets) {
    float[] x = java(in).floats();
    float[] y = java(out).floats();
    int inner = geometry.inner();
    forEachChannelRun(geometry, (c, start) -> {
      float scale = perChannel(scales, c);
      float offset = perChannel(offsets, c);
      for (int i = start; i < start + inner; i++) {
        y[i] = x[i] * scale + offset;
      }
    });
  }

  // ---- quantization

  @Override
  public void quantize(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales,
      int[] zeroPoints) {
    float[] x = java(in).floats();
    JavaBuffer target = java(out);
    DType dtype = target.dtype();
    int[] y = new int[target.count()];
    int inner = geometry.inner();
    forEachChannelRun(geometry, (c, start) -> {
      float scale = perChannel(scales, c);
      int zeroPoint = perChannel(zeroPoints, c);
      for (int i = start; i < start + inner; i++) {
        double rounded = Math.rint(x[i] / scale);
        y[i] = (int) clamp(dtype, clampToLong((Double.isNaN(rounded) ? 0 : rounded) + zeroPoint));
      }
    });
    storeInts(target, y);
  }

  @Override
  public void dequantize(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales,
      int[] zeroPoints) {
    int[] x = java(in).toInts();
    float[] y = java(out).floats();
    int inner = geometry.inner();
    forEachChannelRun(geometry, (c, start) -> {
      float scale = perChannel(scales, c);
      int zeroPoint = perChannel(zeroPoints, c);
      for (int i = start; i < start + inner; i++) {
        y[i] = (float) (x[i] - zeroPoint) * scale;
      }
    });
  }

  @Override
  public void requantizeFloat(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] multipliers,
      int[] zeroPoints) {
    int[] x = java(in).ints();
    JavaBuffer target = java(out);
    DType dtype = target.dtype();
    int[] y = new int[target.count()];
    int inner = geometry.inner();
    forEachChannelRun(geometry, (c, start) -> {
      float multiplier = perChannel(multipliers, c);
      int zeroPoint = perChannel(zeroPoints, c);
      for (int i = start; i < start + inner; i++) {
        double rounded = Math.rint((float) x[i] * multiplier);
        y[i] = (int) clamp(dtype, clampToLong(rounded + zeroPoint));
      }
    });
    storeInts(target, y);
  }

  @Override
  public void requantizeFixed(DeviceBuffer in, DeviceBuffer out, Channels geometry, int[] inZero,
      int[] multipliers, int[] shifts, int[] outZero) {
    int[] x = java(in).toInts();
    JavaBuffer target = java(out);
    DType dtype = target.dtype();
    int[] y = new int[target.count()];
    int inner = geometry.inner();
    forEachChannelRun(geometry, (c, start) -> {
      int zeroIn = perChannel(inZero, c);
      long multiplier = perChannel(multipliers, c);
      int shift = perChannel(shifts, c);
      int zeroOut = perChannel(outZero, c);
      for (int i = start; i < start + inner; i++) {
        long product = (long) (x[i] - zeroIn) * multiplier;
        y[i] = (int) clamp(dtype, FixedPoint.roundShift(product, shift) + zeroOut);
      }
    });
    storeInts(target, y);
  }

  @Override
  public void close() {
    // Heap buffers need no device context; each is released when its owner closes it.
  }

  // ---- helpers

  @FunctionalInterface
  private interface ChannelRun {
    void run(int channel, int start);
  }

  /** Calls {@code run} for each (outer, channel) with the start of its {@code inner} contiguous elements. */
  private static void forEachChannelRun(Channels geometry, ChannelRun run) {
    int channels = geometry.channels();
    int inner = geometry.inner();
    for (int o = 0; o < geometry.outer(); o++) {
      for (int c = 0; c < channels; c++) {
        run.run(c, (o * channels + c) * inner);
      }
    }
  }

  private static float perChannel(float[] values, int channel) {
    return values[values.length == 1 ? 0 : channel];
  }

  private static int perChannel(int[] values, int channel) {
    return values[values.length == 1 ? 0 : channel];
  }

  /** {@code value} saturated to an integer type's range (Q16_16 as raw). */
  static long clamp(DType dtype, long value) {
    return Math.max(dtype.minValue(), Math.min(dtype.maxValue(), value));
  }

  /** A double already rounded to an integer, as a long; the cast saturates infinities and maps NaN to 0. */
  private static long clampToLong(double value) {
    return (long) value;
  }

  /** Writes integer values (already in the type's range) into an INT8, UINT8, INT32 or Q16_16 buffer. */
  static void storeInts(JavaBuffer target, int[] values) {
    if (target.dtype() == DType.INT8 || target.dtype() == DType.UINT8) {
      byte[] bytes = target.bytes();
      for (int i = 0; i < values.length; i++) {
        bytes[i] = (byte) values[i];
      }
    } else {
      System.arraycopy(values, 0, target.ints(), 0, values.length);
    }
  }

  static JavaBuffer java(DeviceBuffer buffer) {
    if (buffer instanceof JavaBuffer javaBuffer) {
      return javaBuffer;
    }
    throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
        "the Java backend cannot use a buffer of another backend: " + buffer);
  }

  private static void checkLength(JavaBuffer buffer, int length) {
    if (length != buffer.count()) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
          length + " values for a buffer of " + buffer.count());
    }
  }

  private static TensorException wrongType(String operation, DType dtype) {
    return new TensorException(TensorException.Kind.WRONG_DTYPE, operation + " does not take " + dtype);
  }
}
