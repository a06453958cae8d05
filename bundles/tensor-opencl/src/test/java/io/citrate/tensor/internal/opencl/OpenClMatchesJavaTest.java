package io.citrate.tensor.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.kernel.BinaryOp;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Broadcast;
import io.citrate.tensor.internal.kernel.Geometry.Channels;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.Geometry.Rows;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.kernel.PoolKind;
import io.citrate.tensor.internal.kernel.ReduceOp;
import io.citrate.tensor.internal.kernel.UnaryOp;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The OpenCL kernels against the Java reference on random geometries and values (edge values included):
 * bit-identical for every integer and Q16_16 path, within FAST's tolerance for FLOAT32.
 */
class OpenClMatchesJavaTest {
  private static final Kernels JAVA = new JavaKernels();
  private static final DType[] EXACT_TYPES = {DType.INT8, DType.UINT8, DType.INT32, DType.Q16_16};
  private static final int[] EDGES = {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
      Integer.MAX_VALUE - 1, 0, 1, -1, 2, -2, 127, -128, 128, 255, 256, 0x8000, -0x8000, 0x18000, -0x18000,
      0x28000, 1 << 16, -(1 << 16)};

  @Property(tries = 40)
  void matmulIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType type = random.nextBoolean() ? DType.INT32 : DType.Q16_16;
    Matmul g = randomMatmul(random);
    int[] a = values(random, type, operandSize(g, true));
    int[] b = values(random, type, operandSize(g, false));
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, g.batch() * g.m() * g.n());
      k.matmul(upload(k, type, a), upload(k, type, b), out, g);
      return out;
    });
  }

  @Property(tries = 30)
  void floatMatmulIsWithinTolerance(@ForAll long seed) {
    Random random = new Random(seed);
    Matmul g = randomMatmul(random);
    float[] a = floats(random, operandSize(g, true));
    float[] b = floats(random, operandSize(g, false));
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, g.batch() * g.m() * g.n());
      k.matmul(upload(k, a), upload(k, b), out, g);
      return out;
    }, g.k());
  }

  @Property(tries = 40)
  void matmulIntegerIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType aType = random.nextBoolean() ? DType.INT8 : DType.UINT8;
    DType bType = random.nextBoolean() ? DType.INT8 : DType.UINT8;
    Matmul g = randomMatmul(random);
    int[] a = values(random, aType, operandSize(g, true));
    int[] b = values(random, bType, operandSize(g, false));
    int[] aZero = values(random, aType, random.nextBoolean() ? 1 : g.m());
    int[] bZero = values(random, bType, random.nextBoolean() ? 1 : g.n());
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(DType.INT32, g.batch() * g.m() * g.n());
      k.matmulInteger(upload(k, aType, a), upload(k, bType, b), out, g, aZero, bZero);
      return out;
    });
  }

  @Property(tries = 30)
  void fixedPointConvolutionIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    Conv g = randomConv(random);
    int[] x = values(random, DType.Q16_16, inputSize(g));
    int[] w = values(random, DType.Q16_16, weightSize(g));
    int[] bias = random.nextBoolean() ? null : values(random, DType.Q16_16, g.outChannels());
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(DType.Q16_16, outputSize(g));
      k.conv2d(upload(k, DType.Q16_16, x), upload(k, DType.Q16_16, w),
          bias == null ? null : upload(k, DType.Q16_16, bias), out, g);
      return out;
    });
  }

  @Property(tries = 30)
  void floatConvolutionIsWithinTolerance(@ForAll long seed) {
    Random random = new Random(seed);
    Conv g = randomConv(random);
    float[] x = floats(random, inputSize(g));
    float[] w = floats(random, weightSize(g));
    float[] bias = random.nextBoolean() ? null : floats(random, g.outChannels());
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, outputSize(g));
      k.conv2d(upload(k, x), upload(k, w), bias == null ? null : upload(k, bias), out, g);
      return out;
    }, weightSize(g) / g.outChannels());
  }

  @Property(tries = 30)
  void convIntegerIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    Conv g = randomConv(random);
    DType xType = random.nextBoolean() ? DType.INT8 : DType.UINT8;
    DType wType = random.nextBoolean() ? DType.INT8 : DType.UINT8;
    int[] x = values(random, xType, inputSize(g));
    int[] w = values(random, wType, weightSize(g));
    int xZero = values(random, xType, 1)[0];
    int[] wZero = values(random, wType, random.nextBoolean() ? 1 : g.outChannels());
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(DType.INT32, outputSize(g));
      k.convInteger(upload(k, xType, x), upload(k, wType, w), out, g, xZero, wZero);
      return out;
    });
  }

  @Property(tries = 60)
  void poolsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    Pool g = randomPool(random);
    PoolKind kind = PoolKind.values()[random.nextInt(PoolKind.values().length)];
    DType type = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    int[] x = values(random, type, g.planes() * g.inDims()[0] * g.inDims()[1] * g.inDims()[2]);
    int outCount = g.planes() * g.outDims()[0] * g.outDims()[1] * g.outDims()[2];
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, outCount);
      k.pool(kind, upload(k, type, x), out, null, g);
      return out;
    });
    if (kind == PoolKind.MAX) {
      assertSameInts(k -> {
        DeviceBuffer indices = k.allocate(DType.INT32, outCount);
        k.pool(kind, upload(k, type, x), k.allocate(type, outCount), indices, g);
        return indices;
      });
    }
  }

  @Property(tries = 40)
  void reductionsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    Rows g = new Rows(1 + random.nextInt(4), random.nextInt(9), 1 + random.nextInt(4));
    ReduceOp op = ReduceOp.values()[random.nextInt(ReduceOp.values().length)];
    DType type = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    int[] x = values(random, type, g.outer() * g.length() * g.inner());
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, g.outer() * g.inner());
      k.reduce(op, upload(k, type, x), out, g);
      return out;
    });
  }

  @Property(tries = 60)
  void requantizeFixedIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType in = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    DType out = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    Channels g = new Channels(1 + random.nextInt(3), 1 + random.nextInt(4), 1 + random.nextInt(5));
    int count = g.outer() * g.channels() * g.inner();
    int[] x = values(random, in, count);
    int[] inZero = values(random, in, random.nextBoolean() ? 1 : g.channels());
    int[] multipliers = values(random, DType.INT32, random.nextBoolean() ? 1 : g.channels());
    int[] shifts = new int[random.nextBoolean() ? 1 : g.channels()];
    for (int i = 0; i < shifts.length; i++) {
      shifts[i] = random.nextInt(63);
    }
    int[] outZero = values(random, out, random.nextBoolean() ? 1 : g.channels());
    assertSameInts(k -> {
      DeviceBuffer result = k.allocate(out, count);
      k.requantizeFixed(upload(k, in, x), result, g, inZero, multipliers, shifts, outZero);
      return result;
    });
  }

  @Property(tries = 60)
  void integerConversionsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType from = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    DType to = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    int[] x = values(random, from, 1 + random.nextInt(40));
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(to, x.length);
      k.convert(upload(k, from, x), out);
      return out;
    });
    assertSameFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, x.length);
      k.convert(upload(k, from, x), out);
      return out;
    });
  }

  @Property(tries = 30)
  void floatToIntegerConversionsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType to = EXACT_TYPES[random.nextInt(3)];
    float[] x = new float[1 + random.nextInt(40)];
    float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0.5f, -0.5f, 1.5f,
        2.5f, 127.9f, -128.9f, 255.5f, 3e9f, -3e9f, 2.1474836E9f};
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextInt(3) == 0 ? specials[random.nextInt(specials.length)]
          : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(10)));
    }
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(to, x.length);
      k.convert(upload(k, x), out);
      return out;
    });
  }

  @Property(tries = 80)
  void integerBinaryOperationsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType type = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    BinaryOp op;
    do {
      op = BinaryOp.values()[random.nextInt(BinaryOp.values().length)];
    } while (op == BinaryOp.POW);
    Broadcast g = randomBroadcast(random, 2);
    int[] a = values(random, type, span(g, 0));
    int[] b = values(random, type, span(g, 1));
    BinaryOp operation = op;
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, g.count());
      k.binary(operation, upload(k, type, a), upload(k, type, b), out, g);
      return out;
    });
  }

  @Property(tries = 40)
  void floatBinaryOperationsAreWithinTolerance(@ForAll long seed) {
    Random random = new Random(seed);
    BinaryOp op = BinaryOp.values()[random.nextInt(BinaryOp.values().length)];
    Broadcast g = randomBroadcast(random, 2);
    float[] a = floats(random, span(g, 0));
    float[] b = floats(random, span(g, 1));
    for (int i = 0; i < b.length; i++) {
      // Keep POW's base and DIV's divisor away from where float rounding is magnified.
      a[i % a.length] = op == BinaryOp.POW ? Math.abs(a[i % a.length]) + 0.5f : a[i % a.length];
      b[i] = op == BinaryOp.DIV ? b[i] + Math.copySign(0.5f, b[i]) : b[i];
    }
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, g.count());
      k.binary(op, upload(k, a), upload(k, b), out, g);
      return out;
    }, 1);
  }

  @Property(tries = 30)
  void whereIsBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType type = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    Broadcast g = randomBroadcast(random, 3);
    int[] condition = values(random, DType.UINT8, span(g, 0));
    for (int i = 0; i < condition.length; i++) {
      condition[i] = random.nextBoolean() ? 0 : condition[i];
    }
    int[] x = values(random, type, span(g, 1));
    int[] y = values(random, type, span(g, 2));
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, g.count());
      k.where(upload(k, DType.UINT8, condition), upload(k, type, x), upload(k, type, y), out, g);
      return out;
    });
  }

  @Property(tries = 40)
  void integerUnaryOperationsAreBitIdentical(@ForAll long seed) {
    Random random = new Random(seed);
    DType type = EXACT_TYPES[random.nextInt(EXACT_TYPES.length)];
    UnaryOp op = type == DType.Q16_16 && random.nextInt(3) == 0 ? UnaryOp.LEAKY_RELU
        : random.nextBoolean() ? UnaryOp.RELU : UnaryOp.CLIP;
    int[] x = values(random, type, 1 + random.nextInt(30));
    int[] bounds = values(random, type, 2);
    double p0 = op == UnaryOp.CLIP ? Math.min(bounds[0], bounds[1]) : bounds[0];
    double p1 = Math.max(bounds[0], bounds[1]);
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, x.length);
      k.unary(op, upload(k, type, x), out, p0, p1);
      return out;
    });
  }

  @Property(tries = 40)
  void floatUnaryAndRowOperationsAreWithinTolerance(@ForAll long seed) {
    Random random = new Random(seed);
    UnaryOp op = UnaryOp.values()[random.nextInt(UnaryOp.values().length)];
    float[] x = floats(random, 1 + random.nextInt(30));
    for (int i = 0; i < x.length; i++) {
      x[i] *= 6;
      if (op == UnaryOp.LOG || op == UnaryOp.SQRT) {
        x[i] = Math.abs(x[i]) + 1e-3f;
      }
    }
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, x.length);
      k.unary(op, upload(k, x), out, 0.1, 0.7);
      return out;
    }, 1);
    Rows rows = new Rows(1 + random.nextInt(3), 1 + random.nextInt(20), 1 + random.nextInt(3));
    float[] values = floats(random, rows.outer() * rows.length() * rows.inner());
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, values.length);
      k.softmax(upload(k, values), out, rows);
      return out;
    }, rows.length());
    ReduceOp reduce = ReduceOp.values()[random.nextInt(ReduceOp.values().length)];
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, rows.outer() * rows.inner());
      k.reduce(reduce, upload(k, values), out, rows);
      return out;
    }, rows.length());
    float[] scale = floats(random, rows.length());
    float[] bias = floats(random, rows.length());
    assertCloseFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, values.length);
      k.layerNorm(upload(k, values), upload(k, scale), upload(k, bias), out, null, null, rows, 1e-5f);
      return out;
    }, rows.length());
  }

  @Property(tries = 40)
  void floatQuantizationMatchesExactly(@ForAll long seed) {
    Random random = new Random(seed);
    Channels g = new Channels(1 + random.nextInt(3), 1 + random.nextInt(4), 1 + random.nextInt(5));
    int count = g.outer() * g.channels() * g.inner();
    DType type = random.nextBoolean() ? DType.INT8 : DType.UINT8;
    float[] x = floats(random, count);
    for (int i = 0; i < count; i++) {
      x[i] *= 300;
    }
    float[] scales = new float[random.nextBoolean() ? 1 : g.channels()];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = 0.01f + random.nextFloat() * 2;
    }
    int[] zeroPoints = values(random, type, random.nextBoolean() ? 1 : g.channels());
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, count);
      k.quantize(upload(k, x), out, g, scales, zeroPoints);
      return out;
    });
    int[] accumulators = values(random, DType.INT32, count);
    assertSameInts(k -> {
      DeviceBuffer out = k.allocate(type, count);
      k.requantizeFloat(upload(k, DType.INT32, accumulators), out, g, scales, zeroPoints);
      return out;
    });
    int[] quantized = values(random, type, count);
    assertSameFloats(k -> {
      DeviceBuffer out = k.allocate(DType.FLOAT32, count);
      k.dequantize(upload(k, type, quantized), out, g, scales, zeroPoints);
      return out;
    });
  }

  private static void assertSameInts(Function<Kernels, DeviceBuffer> operation) {
    int[] want = JAVA.readInts(operation.apply(JAVA));
    int[] got = OpenClTestSupport.kernels().readInts(operation.apply(OpenClTestSupport.kernels()));
    assertThat(got).containsExactly(want);
  }

  private static void assertSameFloats(Function<Kernels, DeviceBuffer> operation) {
    float[] want = JAVA.readFloats(operation.apply(JAVA));
    float[] got = OpenClTestSupport.kernels().readFloats(operation.apply(OpenClTestSupport.kernels()));
    assertThat(got).containsExactly(want);
  }

  private static void assertCloseFloats(Function<Kernels, DeviceBuffer> operation, int terms) {
    float[] want = JAVA.readFloats(operation.apply(JAVA));
    float[] got = OpenClTestSupport.kernels().readFloats(operation.apply(OpenClTestSupport.kernels()));
    double[] wanted = new double[want.length];
    for (int i = 0; i < want.length; i++) {
      wanted[i] = want[i];
    }
    OpenClTestSupport.assertClose(got, wanted, terms);
  }

  private static DeviceBuffer upload(Kernels kernels, DType type, int[] values) {
    DeviceBuffer buffer = kernels.allocate(type, values.length);
    kernels.write(buffer, values);
    return buffer;
  }

  private static DeviceBuffer upload(Kernels kernels, float[] values) {
    DeviceBuffer buffer = kernels.allocate(DType.FLOAT32, values.length);
    kernels.write(buffer, values);
    return buffer;
  }

  /** Values of the type's range, a quarter of them edge values (extremes, rounding ties, small numbers). */
  private static int[] values(Random random, DType type, int count) {
    int[] values = new int[count];
    long low = type.minValue();
    long high = type.maxValue();
    for (int i = 0; i < count; i++) {
      long value = random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)]
          : low + (long) (random.nextDouble() * (high - low + 1));
      values[i] = (int) Math.max(low, Math.min(high, value));
    }
    return values;
  }

  private static float[] floats(Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  private static Matmul randomMatmul(Random random) {
    int batch = 1 + random.nextInt(3);
    int m = 1 + random.nextInt(random.nextBoolean() ? 12 : 70);
    int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 70);
    int k = random.nextInt(random.nextBoolean() ? 8 : 90);
    boolean sharedB = random.nextBoolean();
    int[] aOffsets = new int[batch];
    int[] bOffsets = new int[batch];
    for (int i = 0; i < batch; i++) {
      aOffsets[i] = i * m * k;
      bOffsets[i] = sharedB ? 0 : i * k * n;
    }
    return new Matmul(batch, aOffsets, bOffsets, m, n, k, random.nextBoolean(), random.nextBoolean());
  }

  private static int operandSize(Matmul g, boolean a) {
    int size = a ? g.m() * g.k() : g.k() * g.n();
    int[] offsets = a ? g.aOffsets() : g.bOffsets();
    int last = 0;
    for (int offset : offsets) {
      last = Math.max(last, offset);
    }
    return last + size;
  }

  private static Conv randomConv(Random random) {
    while (true) {
      int groups = 1 + random.nextInt(2);
      int inChannels = groups * (1 + random.nextInt(3));
      // Fewer than 8 filters per group take the direct kernel, more the unfold-and-multiply path.
      int outChannels = groups * (1 + random.nextInt(random.nextBoolean() ? 3 : 12));
      int kernelHeight = 1 + random.nextInt(3);
      int kernelWidth = 1 + random.nextInt(3);
      int strideHeight = 1 + random.nextInt(2);
      int strideWidth = 1 + random.nextInt(2);
      int dilationHeight = 1 + random.nextInt(2);
      int dilationWidth = 1 + random.nextInt(2);
      int padTop = random.nextInt(2);
      int padLeft = random.nextInt(2);
      int inHeight = 1 + random.nextInt(8);
      int inWidth = 1 + random.nextInt(8);
      int outHeight = (inHeight + 2 * padTop - dilationHeight * (kernelHeight - 1) - 1) / strideHeight + 1;
      int outWidth = (inWidth + 2 * padLeft - dilationWidth * (kernelWidth - 1) - 1) / strideWidth + 1;
      if (outHeight >= 1 && outWidth >= 1
          && inHeight + 2 * padTop >= dilationHeight * (kernelHeight - 1) + 1
          && inWidth + 2 * padLeft >= dilationWidth * (kernelWidth - 1) + 1) {
        return new Conv(1 + random.nextInt(2), inChannels, inHeight, inWidth, outChannels, kernelHeight,
            kernelWidth, outHeight, outWidth, strideHeight, strideWidth, padTop, padLeft, dilationHeight,
            dilationWidth, groups);
      }
    }
  }

  private static int inputSize(Conv g) {
    return g.batch() * g.inChannels() * g.inHeight() * g.inWidth();
  }

  private static int weightSize(Conv g) {
    return g.outChannels() * (g.inChannels() / g.groups()) * g.kernelHeight() * g.kernelWidth();
  }

  private static int outputSize(Conv g) {
    return g.batch() * g.outChannels() * g.outHeight() * g.outWidth();
  }

  private static Pool randomPool(Random random) {
    while (true) {
      int[] inDims = new int[3];
      int[] outDims = new int[3];
      int[] kernel = new int[3];
      int[] strides = new int[3];
      int[] padBegin = new int[3];
      int[] padEnd = new int[3];
      int[] dilations = new int[3];
      boolean fits = true;
      for (int d = 0; d < 3; d++) {
        boolean used = d > 0 || random.nextBoolean();
        inDims[d] = used ? 1 + random.nextInt(6) : 1;
        kernel[d] = used ? 1 + random.nextInt(3) : 1;
        strides[d] = used ? 1 + random.nextInt(2) : 1;
        dilations[d] = used ? 1 + random.nextInt(2) : 1;
        padBegin[d] = random.nextInt(kernel[d]);
        padEnd[d] = random.nextInt(kernel[d]);
        int span = dilations[d] * (kernel[d] - 1) + 1;
        int padded = inDims[d] + padBegin[d] + padEnd[d];
        outDims[d] = padded >= span ? (padded - span) / strides[d] + 1 : 0;
        fits &= outDims[d] >= 1;
      }
      if (fits) {
        return new Pool(1 + random.nextInt(3), inDims, outDims, kernel, strides, padBegin, padEnd, dilations);
      }
    }
  }

  /** A broadcast of up to 3 axes where each operand repeats a random subset of them. */
  private static Broadcast randomBroadcast(Random random, int operands) {
    int rank = random.nextInt(4);
    int[] dims = new int[rank];
    for (int d = 0; d < rank; d++) {
      dims[d] = 1 + random.nextInt(4);
    }
    int[][] strides = new int[operands][rank];
    for (int operand = 0; operand < operands; operand++) {
      int stride = 1;
      for (int d = rank - 1; d >= 0; d--) {
        if (random.nextInt(3) == 0) {
          strides[operand][d] = 0;
        } else {
          strides[operand][d] = stride;
          stride *= dims[d];
        }
      }
    }
    return new Broadcast(dims, strides);
  }

  /** Elements operand {@code i} of a broadcast reads. */
  private static int span(Broadcast g, int operand) {
    int highest = 0;
    for (int d = 0; d < g.dims().length; d++) {
      highest += (g.dims()[d] - 1) * g.strides()[operand][d];
    }
    return highest + 1;
  }
}
