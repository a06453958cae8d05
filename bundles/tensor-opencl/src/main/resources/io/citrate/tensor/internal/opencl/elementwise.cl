// Element-wise, data-movement, pooling, reduction and quantization kernels: one work-item per output value,
// the last argument the number of values (the host rounds the work size up to whole work-groups).
// Integer and Q16_16 arithmetic follows io.citrate.tensor.api.FixedPoint bit for bit; sums wrap in 64 bits
// (computed on ulong, where wrapping is defined), results saturate once.

// Java never contracts a * b + c into a fused multiply-add; neither may the device.
#pragma OPENCL FP_CONTRACT OFF

#ifdef HAS_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real_acc;
#else
typedef float real_acc;
#endif

// DType ordinals.
#define T_FLOAT32 0
#define T_INT8 1
#define T_UINT8 2
#define T_INT32 3
#define T_Q16_16 4

// BinaryOp (POW, ordinal 4, is float only), UnaryOp, PoolKind and ReduceOp ordinals.
#define OP_ADD 0
#define OP_SUB 1
#define OP_MUL 2
#define OP_DIV 3
#define OP_MIN 5
#define OP_MAX 6

#define U_RELU 0
#define U_LEAKY_RELU 1

#define POOL_MAX 0
#define POOL_AVERAGE_INCLUDING_PAD 2

#define REDUCE_MEAN 1
#define REDUCE_MAX 2

long type_min(int type) {
  return type == T_INT8 ? -128L : type == T_UINT8 ? 0L : (long) INT_MIN;
}

long type_max(int type) {
  return type == T_INT8 ? 127L : type == T_UINT8 ? 255L : (long) INT_MAX;
}

long saturate_to(long value, int type) {
  return clamp(value, type_min(type), type_max(type));
}

long load_int(const __global void* data, int type, int index) {
  if (type == T_INT8) {
    return (long) ((const __global char*) data)[index];
  }
  if (type == T_UINT8) {
    return (long) ((const __global uchar*) data)[index];
  }
  return (long) ((const __global int*) data)[index];
}

// Keeps the low bits of value: wrapping for arithmetic, exact for values already in range.
void store_int(__global void* data, int type, int index, long value) {
  if (type == T_INT8 || type == T_UINT8) {
    ((__global uchar*) data)[index] = (uchar) ((ulong) value & 0xFFUL);
  } else {
    ((__global uint*) data)[index] = (uint) ((ulong) value & 0xFFFFFFFFUL);
  }
}

// FixedPoint.roundShift: value / 2^shift to nearest, ties to even; shift in [0, 62].
long round_shift(long value, int shift) {
  if (shift == 0) {
    return value;
  }
  long quotient = value >> shift;
  long remainder = (long) ((ulong) value & ((1UL << shift) - 1UL));
  long halfway = 1L << (shift - 1);
  if (remainder > halfway || (remainder == halfway && (quotient & 1L) != 0)) {
    quotient++;
  }
  return quotient;
}

// FixedPoint.divideRounded; divisor is never 0 and the dividend never Long.MIN_VALUE here.
long divide_rounded(long dividend, long divisor) {
  long quotient = dividend / divisor;
  long remainder = dividend % divisor;
  remainder = remainder < 0 ? -remainder : remainder;
  long rest = (divisor < 0 ? -divisor : divisor) - remainder;
  if (remainder > rest || (remainder == rest && (quotient & 1L) != 0)) {
    quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
  }
  return quotient;
}

int fixed_multiply(long a, long b) {
  return (int) saturate_to(round_shift(a * b, 16), T_Q16_16);
}

int fixed_divide(long a, long b) {
  if (b == 0) {
    return a > 0 ? INT_MAX : a < 0 ? INT_MIN : 0;
  }
  return (int) saturate_to(divide_rounded(a << 16, b), T_Q16_16);
}

float nan_propagating_min(float a, float b) {
  return isnan(a) || isnan(b) ? NAN : fmin(a, b);
}

float nan_propagating_max(float a, float b) {
  return isnan(a) || isnan(b) ? NAN : fmax(a, b);
}

// Offsets of output element `index` of a broadcast described by dims then one stride set per operand; a rank
// of -1 says every operand is contiguous like the output.
int broadcast_offset(const __global int* geometry, int rank, int operand, int index) {
  if (rank < 0) {
    return index;
  }
  int offset = 0;
  for (int axis = rank - 1; axis >= 0; axis--) {
    int dim = geometry[axis];
    offset += (index % dim) * geometry[rank * (operand + 1) + axis];
    index /= dim;
  }
  return offset;
}

// Per-channel parameters hold one entry per channel or a single shared one.
int channel_of(int index, int channels, int inner) {
  return (index / inner) % channels;
}

#define PARAMETER(array, count, channel) ((array)[(count) == 1 ? 0 : (channel)])

__kernel void convert_values(const __global void* in, int inType, __global void* out, int outType, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  if (inType == T_FLOAT32) {
    float x = ((const __global float*) in)[i];
    if (outType == T_FLOAT32) {
      ((__global float*) out)[i] = x;
    } else if (outType == T_INT8) {
      ((__global char*) out)[i] = convert_char_sat(x);
    } else if (outType == T_UINT8) {
      ((__global uchar*) out)[i] = convert_uchar_sat(x);
    } else if (outType == T_INT32) {
      ((__global int*) out)[i] = convert_int_sat(x);
    } else {
      ((__global int*) out)[i] = convert_int_sat_rte(x * 65536.0f);
    }
    return;
  }
  long value = load_int(in, inType, i);
  if (outType == T_FLOAT32) {
    float f = convert_float_rte((int) value);
    ((__global float*) out)[i] = inType == T_Q16_16 ? f / 65536.0f : f;
    return;
  }
  if (inType == T_Q16_16 && outType != T_Q16_16) {
    value = round_shift(value, 16);
  } else if (inType != T_Q16_16 && outType == T_Q16_16) {
    value = value << 16;
  }
  store_int(out, outType, i, saturate_to(value, outType));
}

long binary_integer(int op, long a, long b) {
  switch (op) {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return b == 0 ? 0 : a / b;
    case OP_MIN: return min(a, b);
    default: return max(a, b);
  }
}

long binary_fixed(int op, long a, long b) {
  switch (op) {
    case OP_ADD: return saturate_to(a + b, T_Q16_16);
    case OP_SUB: return saturate_to(a - b, T_Q16_16);
    case OP_MUL: return fixed_multiply(a, b);
    case OP_DIV: return fixed_divide(a, b);
    case OP_MIN: return min(a, b);
    default: return max(a, b);
  }
}

// Float operations get one kernel each: a CPU driver vectorises a kernel only when every path through it
// vectorises, which a switch over operations or types would prevent. A rank of -1 means contiguous operands.
#define BINARY_FLOAT_KERNEL(name, expression) \
  __kernel void name(const __global float* a, const __global float* b, __global float* out, \
      const __global int* geometry, int rank, int count) { \
    int i = get_global_id(0); \
    if (i >= count) { \
      return; \
    } \
    float x; \
    float y; \
    if (rank < 0) { \
      x = a[i]; \
      y = b[i]; \
    } else { \
      x = a[broadcast_offset(geometry, rank, 0, i)]; \
      y = b[broadcast_offset(geometry, rank, 1, i)]; \
    } \
    out[i] = (expression); \
  }

BINARY_FLOAT_KERNEL(add_float_values, x + y)
BINARY_FLOAT_KERNEL(sub_float_values, x - y)
BINARY_FLOAT_KERNEL(mul_float_values, x * y)
BINARY_FLOAT_KERNEL(div_float_values, x / y)
BINARY_FLOAT_KERNEL(pow_float_values, pow(x, y))
BINARY_FLOAT_KERNEL(min_float_values, nan_propagating_min(x, y))
BINARY_FLOAT_KERNEL(max_float_values, nan_propagating_max(x, y))

__kernel void binary_integer_values(int op, int type, const __global void* a, const __global void* b,
    __global void* out, const __global int* geometry, int rank, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  long x = load_int(a, type, broadcast_offset(geometry, rank, 0, i));
  long y = load_int(b, type, broadcast_offset(geometry, rank, 1, i));
  store_int(out, type, i, type == T_Q16_16 ? binary_fixed(op, x, y) : binary_integer(op, x, y));
}

__kernel void where_values(const __global uchar* condition, const __global void* x, const __global void* y,
    __global void* out, const __global int* geometry, int rank, int elementBytes, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  if (rank < 0 && elementBytes == 4) {
    ((__global uint*) out)[i] = condition[i] != 0 ? ((const __global uint*) x)[i] : ((const __global uint*) y)[i];
    return;
  }
  bool pickX = condition[broadcast_offset(geometry, rank, 0, i)] != 0;
  int source = broadcast_offset(geometry, rank, pickX ? 1 : 2, i);
  const __global void* from = pickX ? x : y;
  if (elementBytes == 1) {
    ((__global uchar*) out)[i] = ((const __global uchar*) from)[source];
  } else {
    ((__global uint*) out)[i] = ((const __global uint*) from)[source];
  }
}

// One kernel per float function: a CPU driver vectorises a kernel only when every path through it vectorises.
#define UNARY_FLOAT_KERNEL(name, expression) \
  __kernel void name(const __global float* in, __global float* out, float p0, float p1, int count) { \
    int i = get_global_id(0); \
    if (i >= count) { \
      return; \
    } \
    float x = in[i]; \
    out[i] = (expression); \
  }

UNARY_FLOAT_KERNEL(relu_values, nan_propagating_max(x, 0.0f))
UNARY_FLOAT_KERNEL(leaky_relu_values, x < 0.0f ? x * p0 : x)
UNARY_FLOAT_KERNEL(clip_values, nan_propagating_min(nan_propagating_max(x, p0), p1))
UNARY_FLOAT_KERNEL(sigmoid_values, 1.0f / (1.0f + exp(-x)))
UNARY_FLOAT_KERNEL(tanh_values, tanh(x))
// At the infinities the GELU formulas would multiply infinity by 0; the limits are max(x, 0).
UNARY_FLOAT_KERNEL(gelu_values, isinf(x) ? fmax(x, 0.0f) : x * (1.0f + erf(x * M_SQRT1_2_F)) * 0.5f)
UNARY_FLOAT_KERNEL(gelu_tanh_values, isinf(x) ? fmax(x, 0.0f)
    : x * (1.0f + tanh(0.7978845608028654f * (x + 0.044715f * x * x * x))) * 0.5f)
UNARY_FLOAT_KERNEL(erf_values, erf(x))
UNARY_FLOAT_KERNEL(exp_values, exp(x))
UNARY_FLOAT_KERNEL(log_values, log(x))
UNARY_FLOAT_KERNEL(sqrt_values, sqrt(x))

__kernel void unary_integer_values(int op, int type, const __global void* in, __global void* out, long p0,
    long p1, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  long x = load_int(in, type, i);
  long y;
  if (op == U_RELU) {
    y = max(x, 0L);
  } else if (op == U_LEAKY_RELU) {
    y = x < 0 ? fixed_multiply(x, p0) : x;
  } else {
    y = min(max(x, p0), p1);
  }
  store_int(out, type, i, saturate_to(y, type));
}

// geometry: dims, inStrides, outStrides (rank each).
__kernel void copy_values(const __global void* in, __global void* out, const __global int* geometry, int rank,
    int inOffset, int outOffset, int elementBytes, int count) {
  int index = get_global_id(0);
  if (index >= count) {
    return;
  }
  int source = inOffset;
  int target = outOffset;
  for (int axis = rank - 1; axis >= 0; axis--) {
    int dim = geometry[axis];
    int coordinate = index % dim;
    index /= dim;
    source += coordinate * geometry[rank + axis];
    target += coordinate * geometry[2 * rank + axis];
  }
  if (elementBytes == 1) {
    ((__global uchar*) out)[target] = ((const __global uchar*) in)[source];
  } else {
    ((__global uint*) out)[target] = ((const __global uint*) in)[source];
  }
}

__kernel void gather_values(const __global void* data, const __global int* indices, __global void* out,
    int axisLength, int inner, int indexCount, int elementBytes, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int within = i % inner;
  int j = (i / inner) % indexCount;
  int outer = i / (inner * indexCount);
  int source = (outer * axisLength + indices[j]) * inner + within;
  if (elementBytes == 1) {
    ((__global uchar*) out)[i] = ((const __global uchar*) data)[source];
  } else {
    ((__global uint*) out)[i] = ((const __global uint*) data)[source];
  }
}

// geometry: inDims[3], outDims[3], kernel[3], strides[3], padBegin[3], padEnd[3], dilations[3].
__kernel void pool_values(int kind, int type, const __global void* in, __global void* out,
    __global int* indices, int writeIndices, const __global int* g, int count) {
  int o = get_global_id(0);
  if (o >= count) {
    return;
  }
  int inSize = g[0] * g[1] * g[2];
  int outSize = g[3] * g[4] * g[5];
  int plane = o / outSize;
  int position = o % outSize;
  int outAt[3] = {position / (g[4] * g[5]), (position / g[5]) % g[4], position % g[5]};
  int base = plane * inSize;
  bool found = false;
  float bestFloat = -INFINITY;
  long bestInteger = type_min(type);
  int bestIndex = -1;
  real_acc floatSum = 0;
  ulong integerSum = 0;
  int inside = 0;
  int padded = 0;
  for (int kd = 0; kd < g[6]; kd++) {
    int d = outAt[0] * g[9] - g[12] + kd * g[18];
    for (int kh = 0; kh < g[7]; kh++) {
      int h = outAt[1] * g[10] - g[13] + kh * g[19];
      for (int kw = 0; kw < g[8]; kw++) {
        int w = outAt[2] * g[11] - g[14] + kw * g[20];
        bool inPadded = d >= -g[12] && d < g[0] + g[15] && h >= -g[13] && h < g[1] + g[16] && w >= -g[14]
            && w < g[2] + g[17];
        if (inPadded) {
          padded++;
        }
        if (d < 0 || d >= g[0] || h < 0 || h >= g[1] || w < 0 || w >= g[2]) {
          continue;
        }
        int at = base + (d * g[1] + h) * g[2] + w;
        inside++;
        if (type == T_FLOAT32) {
          float v = ((const __global float*) in)[at];
          if (kind == POOL_MAX) {
            // The first greatest tap wins; a NaN, once met, wins over every number.
            if (!found || v > bestFloat || (isnan(v) && !isnan(bestFloat))) {
              bestFloat = v;
              bestIndex = at;
            }
          } else {
            floatSum += v;
          }
        } else {
          long v = load_int(in, type, at);
          if (kind == POOL_MAX) {
            if (!found || v > bestInteger) {
              bestInteger = v;
              bestIndex = at;
            }
          } else {
            integerSum += (ulong) v;
          }
        }
        found = true;
      }
    }
  }
  int taps = kind == POOL_AVERAGE_INCLUDING_PAD ? padded : inside;
  if (type == T_FLOAT32) {
    ((__global float*) out)[o] = kind == POOL_MAX ? bestFloat : taps == 0 ? 0.0f : (float) (floatSum / taps);
  } else {
    long value = kind == POOL_MAX ? bestInteger
        : taps == 0 ? 0 : saturate_to(divide_rounded((long) integerSum, taps), type);
    store_int(out, type, o, value);
  }
  if (writeIndices) {
    indices[o] = bestIndex;
  }
}

// An empty row gives the identity: 0 for SUM, the type's least value (FLOAT32: -infinity) for MAX, and for
// MEAN 0 (FLOAT32: 0 / 0).
__kernel void reduce_values(int op, int type, const __global void* in, __global void* out, int length,
    int inner, int count) {
  int o = get_global_id(0);
  if (o >= count) {
    return;
  }
  int base = (o / inner) * length * inner + o % inner;
  if (type == T_FLOAT32) {
    const __global float* x = (const __global float*) in;
    float result = op == REDUCE_MAX ? -INFINITY : 0.0f;
    for (int j = 0; j < length; j++) {
      float value = x[base + j * inner];
      result = op == REDUCE_MAX ? nan_propagating_max(result, value) : result + value;
    }
    ((__global float*) out)[o] = op == REDUCE_MEAN ? result / (float) length : result;
    return;
  }
  if (op == REDUCE_MAX) {
    long best = type_min(type);
    for (int j = 0; j < length; j++) {
      best = max(best, load_int(in, type, base + j * inner));
    }
    store_int(out, type, o, best);
    return;
  }
  ulong sum = 0;
  for (int j = 0; j < length; j++) {
    sum += (ulong) load_int(in, type, base + j * inner);
  }
  long value = op == REDUCE_MEAN ? (length == 0 ? 0 : divide_rounded((long) sum, length)) : (long) sum;
  store_int(out, type, o, saturate_to(value, type));
}

__kernel void softmax_values(const __global float* in, __global float* out, int length, int inner, int count) {
  int o = get_global_id(0);
  if (o >= count) {
    return;
  }
  int base = (o / inner) * length * inner + o % inner;
  float largest = in[base];
  for (int j = 1; j < length; j++) {
    largest = fmax(largest, in[base + j * inner]);
  }
  real_acc sum = 0;
  for (int j = 0; j < length; j++) {
    sum += (real_acc) exp(in[base + j * inner] - largest);
  }
  float inverse = (float) (1 / sum);
  for (int j = 0; j < length; j++) {
    out[base + j * inner] = exp(in[base + j * inner] - largest) * inverse;
  }
}

// One work-item per row of (outer, length, inner); statistics bit 0 asks for meanOut, bit 1 for inverseStdDevOut.
__kernel void layer_norm_values(const __global float* in, const __global float* scale, const __global float* bias,
    int hasBias, __global float* out, __global float* meanOut, __global float* inverseStdDevOut,
    int statistics, int length, int inner, float epsilon, int count) {
  int row = get_global_id(0);
  if (row >= count) {
    return;
  }
  int base = (row / inner) * length * inner + row % inner;
  real_acc sum = 0;
  for (int j = 0; j < length; j++) {
    sum += in[base + j * inner];
  }
  real_acc mean = sum / length;
  real_acc squares = 0;
  for (int j = 0; j < length; j++) {
    real_acc deviation = in[base + j * inner] - mean;
    squares += deviation * deviation;
  }
  real_acc inverseStdDev = 1 / sqrt(squares / length + epsilon);
  for (int j = 0; j < length; j++) {
    real_acc y = (in[base + j * inner] - mean) * inverseStdDev * scale[j];
    out[base + j * inner] = (float) (hasBias ? y + bias[j] : y);
  }
  if (statistics & 1) {
    meanOut[row] = (float) mean;
  }
  if (statistics & 2) {
    inverseStdDevOut[row] = (float) inverseStdDev;
  }
}

__kernel void channel_affine_values(const __global float* in, __global float* out, int channels, int inner,
    const __global float* scales, int scaleCount, const __global float* offsets, int offsetCount, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int c = channel_of(i, channels, inner);
  out[i] = in[i] * PARAMETER(scales, scaleCount, c) + PARAMETER(offsets, offsetCount, c);
}

__kernel void quantize_values(const __global float* in, __global void* out, int outType, int channels, int inner,
    const __global float* scales, int scaleCount, const __global int* zeroPoints, int zeroCount, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int c = channel_of(i, channels, inner);
  float x = in[i];
  float scaled = isnan(x) ? 0.0f : rint(x / PARAMETER(scales, scaleCount, c));
  // Clamped far beyond every output range first so adding the zero point cannot overflow.
  long rounded = isnan(scaled) ? 0 : convert_long_sat(clamp(scaled, -1.0e12f, 1.0e12f));
  store_int(out, outType, i, saturate_to(rounded + PARAMETER(zeroPoints, zeroCount, c), outType));
}

__kernel void dequantize_values(const __global void* in, int inType, __global float* out, int channels,
    int inner, const __global float* scales, int scaleCount, const __global int* zeroPoints, int zeroCount, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int c = channel_of(i, channels, inner);
  int shifted = (int) (uint) ((ulong) (load_int(in, inType, i) - PARAMETER(zeroPoints, zeroCount, c)));
  out[i] = convert_float_rte(shifted) * PARAMETER(scales, scaleCount, c);
}

__kernel void requantize_float_values(const __global int* in, __global void* out, int outType, int channels,
    int inner, const __global float* multipliers, int multiplierCount, const __global int* zeroPoints,
    int zeroCount, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int c = channel_of(i, channels, inner);
  float scaled = rint(convert_float_rte(in[i]) * PARAMETER(multipliers, multiplierCount, c));
  long rounded = isnan(scaled) ? 0 : convert_long_sat(clamp(scaled, -1.0e12f, 1.0e12f));
  store_int(out, outType, i, saturate_to(rounded + PARAMETER(zeroPoints, zeroCount, c), outType));
}

__kernel void requantize_fixed_values(const __global void* in, int inType, __global void* out, int outType,
    int channels, int inner, const __global int* inZero, int inZeroCount, const __global int* multipliers,
    int multiplierCount, const __global int* shifts, int shiftCount, const __global int* outZero,
    int outZeroCount, int count) {
  int i = get_global_id(0);
  if (i >= count) {
    return;
  }
  int c = channel_of(i, channels, inner);
  // (long) (x - inZero): the subtraction wraps in 32 bits before widening; the product then fits 64 bits.
  long shifted = (long) (int) (uint) ((ulong) load_int(in, inType, i) - (ulong) PARAMETER(inZero, inZeroCount, c));
  long product = shifted * PARAMETER(multipliers, multiplierCount, c);
  long rounded = round_shift(product, PARAMETER(shifts, shiftCount, c));
  store_int(out, outType, i, saturate_to(rounded + PARAMETER(outZero, outZeroCount, c), outType));
}

// Unfolds the receptive fields of output rows [firstRow, firstRow + bandRows) of one image into rows of
// (channel, kh, kw) and columns of output positions; taps in the padding read `padding` (0, or the 8-bit zero
// point). Work-item y fills one output row's run of unfolded row y / bandRows, output row firstRow + y %
// bandRows: a loop along the row that the compiler vectorises.
// geometry: C, H, W, kH, kW, outH, outW, strideH, strideW, padTop, padLeft, dilationH, dilationW.
__kernel void im2col_values(const __global void* x, __global void* columns, const __global int* g, int image,
    int firstRow, int bandRows, int elementBytes, int padding, int count) {
  int y = get_global_id(0);
  if (y >= count) {
    return;
  }
  int row = y / bandRows;
  int bandRow = y - row * bandRows;
  int kw = row % g[4];
  int kh = (row / g[4]) % g[3];
  int channel = row / (g[3] * g[4]);
  int h = (firstRow + bandRow) * g[7] - g[9] + kh * g[11];
  int outW = g[6];
  int stride = g[8];
  int start = kw * g[12] - g[10];
  bool rowInside = h >= 0 && h < g[1];
  int source = ((image * g[0] + channel) * g[1] + h) * g[2] + start;
  int target = y * outW;
  if (elementBytes == 1) {
    const __global uchar* in = (const __global uchar*) x;
    __global uchar* out = (__global uchar*) columns;
    for (int ow = 0; ow < outW; ow++) {
      int w = start + ow * stride;
      out[target + ow] = rowInside && w >= 0 && w < g[2] ? in[source + ow * stride] : (uchar) padding;
    }
  } else {
    const __global uint* in = (const __global uint*) x;
    __global uint* out = (__global uint*) columns;
    for (int ow = 0; ow < outW; ow++) {
      int w = start + ow * stride;
      out[target + ow] = rowInside && w >= 0 && w < g[2] ? in[source + ow * stride] : (uint) padding;
    }
  }
}
