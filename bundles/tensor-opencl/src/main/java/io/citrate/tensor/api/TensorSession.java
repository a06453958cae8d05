package io.citrate.tensor.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A unit of tensor work on one device, in one {@link NumericMode}, under one set of {@link TensorLimits}.
 * Closing the session releases every tensor it made. A session is used by one thread at a time.
 *
 * <p>Operations follow the ONNX operator of the same name (opset 13 to 22 semantics); where a method says
 * otherwise, the method wins. Element-wise operations broadcast as NumPy does. Every operation validates
 * shapes, types and limits before any device work; a refused operation throws {@link TensorException}, adds no
 * cost and leaves the session and its tensors as they were. Every operation adds its {@link Cost}.
 *
 * <p>Types: float arithmetic takes {@link DType#FLOAT32} and only in {@link NumericMode#FAST}; integer
 * arithmetic takes {@link DType#INT8}, {@link DType#UINT8} and {@link DType#INT32} (wrapping as C does, division
 * truncating) and {@link DType#Q16_16} (by the rules of {@link FixedPoint}) in either mode. Both inputs of a
 * binary operation have the same type.
 */
@ProviderType
public interface TensorSession extends AutoCloseable {

  NumericMode mode();

  TensorLimits limits();

  /** Everything this session's operations and transfers have cost so far. */
  Cost cost();

  /** The cost of the latest operation or transfer. */
  Cost lastCost();

  /** Bytes held on the device by this session's open tensors. */
  long bytesInUse();

  // ---- transfers

  /** A FLOAT32 tensor. In EXACT sessions float tensors serve only as quantization parameters. */
  Tensor fromFloats(Shape shape, float... values);

  /** A Q16_16 tensor of the values converted by {@link FixedPoint#fromDouble}; NaN and infinities are refused. */
  Tensor fromFloatsAsFixed(Shape shape, float... values);

  /** An integer tensor; INT8 and UINT8 values must lie in their range; Q16_16 takes raw values. */
  Tensor fromInts(DType dtype, Shape shape, int... values);

  /** The values as floats: FLOAT32 as is, integers converted, Q16_16 as {@code raw / 65536}. */
  float[] readFloats(Tensor tensor);

  /** The values of an integer or Q16_16 (raw) tensor. */
  int[] readInts(Tensor tensor);

  /**
   * A tensor of another type. Integers to FLOAT32 convert exactly where they can (to nearest otherwise);
   * FLOAT32 to integers truncates toward zero and saturates, NaN becomes 0 (FAST only); INT32 to Q16_16
   * shifts and saturates, Q16_16 to integers rounds to nearest even and saturates; narrowing integers saturate.
   */
  Tensor convert(Tensor input, DType to);

  // ---- element-wise

  Tensor add(Tensor a, Tensor b);

  Tensor sub(Tensor a, Tensor b);

  Tensor mul(Tensor a, Tensor b);

  Tensor div(Tensor a, Tensor b);

  /** {@code a ^ b}, FLOAT32 only. */
  Tensor pow(Tensor a, Tensor b);

  Tensor min(Tensor a, Tensor b);

  Tensor max(Tensor a, Tensor b);

  /** {@code condition ? x : y} element-wise; the condition is UINT8 (0 false, anything else true). */
  Tensor where(Tensor condition, Tensor x, Tensor y);

  Tensor relu(Tensor x);

  Tensor leakyRelu(Tensor x, float alpha);

  /** Clamps to [min, max]; pass infinities for an open side. When min > max every element becomes max. */
  Tensor clip(Tensor x, double min, double max);

  Tensor sigmoid(Tensor x);

  Tensor tanh(Tensor x);

  Tensor gelu(Tensor x, GeluApproximation approximation);

  Tensor erf(Tensor x);

  Tensor exp(Tensor x);

  Tensor log(Tensor x);

  Tensor sqrt(Tensor x);

  // ---- linear algebra and convolution

  /** NumPy matmul: 1-D operands promoted and squeezed back, batch dimensions broadcast. */
  Tensor matmul(Tensor a, Tensor b);

  /** {@code alpha * op(A) op(B) + beta * C} for 2-D A and B; C (may be null) broadcasts to the output. */
  Tensor gemm(Tensor a, Tensor b, Tensor c, GemmOptions options);

  /** 2-D convolution, NCHW input, M x (C / groups) x kH x kW weights, optional 1-D bias of M. */
  Tensor conv2d(Tensor x, Tensor weights, Tensor bias, ConvOptions options);

  Tensor maxPool(Tensor x, PoolOptions options);

  MaxPoolResult maxPoolWithIndices(Tensor x, PoolOptions options);

  Tensor averagePool(Tensor x, PoolOptions options);

  Tensor globalAveragePool(Tensor x);

  // ---- shape and data movement (exact in both modes)

  /** Same elements in a new shape; one dimension may be -1 and is then inferred. */
  Tensor reshape(Tensor x, int... dims);

  /** Permutes dimensions; an empty permutation reverses them. */
  Tensor transpose(Tensor x, int... permutation);

  Tensor concat(int axis, Tensor... inputs);

  /** Takes slices along {@code axis} at the INT32 indices (negative counts from the end). */
  Tensor gather(Tensor data, Tensor indices, int axis);

  /** ONNX Slice: starts and ends clamped, negative values count from the end, steps may be negative. */
  Tensor slice(Tensor x, int[] starts, int[] ends, int[] axes, int[] steps);

  // ---- reductions and normalisation

  /** Sum over the axes (all when empty); {@code keepDims} keeps them with size 1. */
  Tensor reduceSum(Tensor x, int[] axes, boolean keepDims);

  Tensor reduceMean(Tensor x, int[] axes, boolean keepDims);

  Tensor reduceMax(Tensor x, int[] axes, boolean keepDims);

  Tensor softmax(Tensor x, int axis);

  /** Normalises over the dimensions from {@code axis} on; scale and bias (may be null) broadcast to them. */
  LayerNormResult layerNorm(Tensor x, Tensor scale, Tensor bias, int axis, float epsilon);

  /** Inference-mode BatchNormalization over the channel dimension 1. */
  Tensor batchNorm(Tensor x, Tensor scale, Tensor bias, Tensor mean, Tensor variance, float epsilon);

  // ---- quantized integer operations

  /**
   * {@code saturate(round(x / scale) + zeroPoint)}: x FLOAT32 (FAST) or Q16_16; scale a FLOAT32 scalar or a
   * 1-D tensor along {@code axis}; zero point INT8 or UINT8 of the scale's shape (null: UINT8 zero), whose
   * type is the output's.
   */
  Tensor quantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis);

  /** {@code (x - zeroPoint) * scale}: FLOAT32 in FAST, Q16_16 in EXACT. */
  Tensor dequantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis);

  /**
   * INT32 matmul of 8-bit operands less their zero points: A's a scalar or one per row, B's a scalar or one
   * per column; null means zero.
   */
  Tensor matMulInteger(Tensor a, Tensor b, Tensor aZeroPoint, Tensor bZeroPoint);

  /** 8-bit matmul requantized to the output scale and zero point (whose type is the output's). */
  Tensor qLinearMatMul(Tensor a, Tensor aScale, Tensor aZeroPoint, Tensor b, Tensor bScale, Tensor bZeroPoint,
      Tensor yScale, Tensor yZeroPoint);

  /** INT32 convolution of 8-bit operands less their zero points (W's a scalar or one per output channel). */
  Tensor convInteger(Tensor x, Tensor weights, Tensor xZeroPoint, Tensor wZeroPoint, ConvOptions options);

  /** 8-bit convolution with an optional INT32 bias, requantized to the output scale and zero point. */
  Tensor qLinearConv(Tensor x, Tensor xScale, Tensor xZeroPoint, Tensor weights, Tensor wScale,
      Tensor wZeroPoint, Tensor yScale, Tensor yZeroPoint, Tensor bias, ConvOptions options);

  /** Releases every tensor this session made; idempotent. */
  @Override
  void close();
}
