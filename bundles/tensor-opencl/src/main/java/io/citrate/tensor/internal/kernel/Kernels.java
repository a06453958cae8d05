package io.citrate.tensor.internal.kernel;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.internal.kernel.Geometry.Broadcast;
import io.citrate.tensor.internal.kernel.Geometry.Channels;
import io.citrate.tensor.internal.kernel.Geometry.Conv;
import io.citrate.tensor.internal.kernel.Geometry.Copy;
import io.citrate.tensor.internal.kernel.Geometry.Gather;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import io.citrate.tensor.internal.kernel.Geometry.Pool;
import io.citrate.tensor.internal.kernel.Geometry.Rows;

/**
 * What a backend computes. The session validates types, shapes and limits and resolves every attribute into a
 * {@link Geometry} before calling; a kernel trusts its arguments and only computes. Output buffers are
 * allocated by the caller with the right type and size and are fully written. Integer and Q16_16 results
 * follow the rules stated here and in {@link io.citrate.tensor.api.FixedPoint} exactly, so every backend
 * produces the same bits; FLOAT32 results may differ within FAST's tolerance.
 *
 * <p>A call returns once its outputs are complete, so timing a call times the work.
 *
 * <p>Per-channel arrays hold one entry per channel, or a single entry that applies to every channel.
 *
 * <p>Implementations are safe for concurrent use by several sessions. A device or driver failure surfaces as
 * a {@link io.citrate.tensor.api.TensorException} of kind BACKEND_FAILURE.
 */
public interface Kernels extends AutoCloseable {

  /** {@code java} or {@code opencl}. */
  String backendName();

  /** The device in use, for logs and operators. */
  String deviceName();

  DeviceBuffer allocate(DType dtype, int count);

  /** FLOAT32 buffer from host values. */
  void write(DeviceBuffer target, float[] values);

  /** INT8, UINT8 (values already in range), INT32 or Q16_16 (raw) buffer from host values. */
  void write(DeviceBuffer target, int[] values);

  float[] readFloats(DeviceBuffer source);

  /** INT8 sign-extended, UINT8 zero-extended, INT32 and Q16_16 as stored. */
  int[] readInts(DeviceBuffer source);

  /**
   * Element-wise type conversion, {@code input.count()} elements: integer to FLOAT32 by rounding to nearest;
   * FLOAT32 to integer truncating toward zero, saturating, NaN to 0; FLOAT32 to Q16_16 by rounding
   * {@code x * 65536} to nearest even, saturating, NaN to 0; INT8/UINT8/INT32 to Q16_16 by
   * {@code saturate(x << 16)}; Q16_16 to integer by {@code saturate(roundShift(raw, 16))}; Q16_16 to FLOAT32 by
   * {@code raw / 65536f}; between integer types by saturating.
   */
  void convert(DeviceBuffer input, DeviceBuffer output);

  /** {@code out = a op b} over the broadcast (strides[0] for a, strides[1] for b); all three of one type. */
  void binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Broadcast geometry);

  /** {@code out = condition != 0 ? x : y}; condition UINT8; strides[0..2] for condition, x, y. */
  void where(DeviceBuffer condition, DeviceBuffer x, DeviceBuffer y, DeviceBuffer out, Broadcast geometry);

  /** {@code out = op(in)} over {@code in.count()} elements of one type; see {@link UnaryOp} for p0, p1. */
  void unary(UnaryOp op, DeviceBuffer in, DeviceBuffer out, double p0, double p1);

  /** Strided copy between buffers of one type; see {@link Copy}. */
  void copy(DeviceBuffer in, DeviceBuffer out, Copy geometry);

  /** {@code out[o, j, i] = data[o, indices[j], i]}; indices INT32, already checked to lie in [0, axisLength). */
  void gather(DeviceBuffer data, DeviceBuffer indices, DeviceBuffer out, Gather geometry);

  /**
   * Batched matrix product of one type into the same type. FLOAT32 sums in float. INT32 and Q16_16 sum products
   * in wrapping int64; INT32 then saturates, Q16_16 rounds the Q32.32 sum with roundShift(sum, 16) and
   * saturates.
   */
  void matmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry);

  /**
   * INT32 product of 8-bit operands (each INT8 or UINT8, types may differ) less zero points: {@code aZero} has 1
   * or m entries (per row), {@code bZero} 1 or n (per column). Sums wrap in int32 as ONNX's MatMulInteger.
   */
  void matmulInteger(DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, Matmul geometry, int[] aZero, int[] bZero);

  /**
   * 2-D convolution of FLOAT32 or Q16_16 with an optional bias of outChannels entries. Q16_16 sums products and
   * {@code bias << 16} in wrapping int64, then roundShift(sum, 16) and saturates.
   */
  void conv2d(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer bias, DeviceBuffer out, Conv geometry);

  /**
   * INT32 convolution of 8-bit operands less zero points ({@code wZero} has 1 or outChannels entries); padding
   * reads as the x zero point, i.e. contributes 0. Sums wrap in int32.
   */
  void convInteger(DeviceBuffer x, DeviceBuffer weights, DeviceBuffer out, Conv geometry, int xZero, int[] wZero);

  /**
   * Pooling of FLOAT32, INT8, UINT8, INT32 or Q16_16. Averages of integer types sum in int64 and divide with
   * FixedPoint.divideRounded. {@code indices} (INT32, may be null) receives MAX's flattened input index: the
   * first maximum in window order wins.
   */
  void pool(PoolKind kind, DeviceBuffer in, DeviceBuffer out, DeviceBuffer indices, Pool geometry);

  /** Reduction along the rows' length into (outer, inner); see {@link ReduceOp} for integer rules. */
  void reduce(ReduceOp op, DeviceBuffer in, DeviceBuffer out, Rows geometry);

  /** FLOAT32 softmax along the rows' length, max-subtracted. */
  void softmax(DeviceBuffer in, DeviceBuffer out, Rows geometry);

  /**
   * FLOAT32 layer normalisation of each (outer x inner = 1) row of {@code length}: mean, population variance,
   * {@code invStd = 1 / sqrt(var + epsilon)}, {@code out = (x - mean) * invStd * scale + bias}; scale and bias
   * hold {@code length} values (bias may be null); mean and invStd receive one value per row.
   */
  void layerNorm(DeviceBuffer in, DeviceBuffer scale, DeviceBuffer bias, DeviceBuffer out, DeviceBuffer mean,
      DeviceBuffer inverseStdDev, Rows geometry, float epsilon);

  /** FLOAT32 {@code out = in * scales[c] + offsets[c]} (BatchNormalization folded on the host). */
  void channelAffine(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales, float[] offsets);

  /** {@code out = saturate(rint(x / scales[c]) + zeroPoints[c])}, FLOAT32 to INT8/UINT8; NaN counts as 0. */
  void quantize(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales, int[] zeroPoints);

  /** {@code out = (float) (x - zeroPoints[c]) * scales[c]}, INT8/UINT8/INT32 to FLOAT32. */
  void dequantize(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] scales, int[] zeroPoints);

  /**
   * {@code out = saturate(rint((float) x * multipliers[c]) + zeroPoints[c])}, INT32 to INT8/UINT8: the float
   * requantization of FAST mode (IEEE multiply and rint, the same on every device).
   */
  void requantizeFloat(DeviceBuffer in, DeviceBuffer out, Channels geometry, float[] multipliers,
      int[] zeroPoints);

  /**
   * The integer requantization of EXACT mode: {@code out = saturate(roundShift((long) (x - inZero[c]) *
   * multipliers[c], shifts[c]) + outZero[c])} with shifts in [0, 62], saturated to the output type. In and out
   * are any of INT8, UINT8, INT32, Q16_16 (raw); {@code inZero} is 0 unless the input is INT8 or UINT8, so the
   * subtraction never overflows, and |multiplier| < 2^31 keeps the product within int64. Covers QuantizeLinear
   * and DequantizeLinear in fixed point, QLinear requantization and BatchNormalization of Q16_16.
   */
  void requantizeFixed(DeviceBuffer in, DeviceBuffer out, Channels geometry, int[] inZero, int[] multipliers,
      int[] shifts, int[] outZero);

  /** Releases the device context. */
  @Override
  void close();
}
