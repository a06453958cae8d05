// Batched matrix products C = A x B and direct convolutions, built once per element kind with -D options:
//   GEMM_FLOAT  float operands, float sums (FAST)
//   GEMM_WIDE   int32 / Q16_16 operands, sums wrapping in 64 bits, saturated (or rounded then saturated)
//   GEMM_BYTE   8-bit operands less zero points, sums wrapping in 32 bits (MatMulInteger, ConvInteger)
// and the tiling. gemm, for GPUs: a work-group of (BN / VW) x (BM / RM) work-items computes a BM x BN tile of
// C, staging BK-deep slices of A and B in local memory; each work-item keeps an RM x VW block of C in
// registers, VW columns wide as one vector. gemm_blocked with pack_a and pack_b, for CPUs, and conv_direct
// are described below. Edges are handled by zero-filled tiles and guarded loads and stores, so any m, n, k
// work.
//
// Batch b (the third NDRange dimension) reads offsets[4b .. 4b+3]: A offset, B offset, C offset, and the first
// row's index into the per-row parameters (bias, A zero points).

#pragma OPENCL FP_CONTRACT OFF

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define VLOAD CAT(vload, VW)

#if defined(GEMM_FLOAT)
typedef float operand;
typedef float tile_value;
typedef float sum_value;
#define SUM_VECTOR CAT(float, VW)
#if HAS_FMA
#define MULTIPLY_ADD(a, b, sum) fma((SUM_VECTOR) (a), (b), (sum))
#else
#define MULTIPLY_ADD(a, b, sum) ((sum) + (SUM_VECTOR) (a) * (b))
#endif
#define TO_TILE(x) (x)
#elif defined(GEMM_WIDE)
typedef int operand;
typedef ulong tile_value;
typedef ulong sum_value;
#define SUM_VECTOR CAT(ulong, VW)
#define MULTIPLY_ADD(a, b, sum) ((sum) + (SUM_VECTOR) (a) * (b))
#define TO_TILE(x) ((ulong) (long) (x))
#else
typedef uchar operand;
typedef uint tile_value;
typedef uint sum_value;
#define SUM_VECTOR CAT(uint, VW)
#define MULTIPLY_ADD(a, b, sum) ((sum) + (SUM_VECTOR) (a) * (b))
#endif

#define WG_X (BN / VW)
#define WG_Y (BM / RM)
#define WG_SIZE (WG_X * WG_Y)

#if defined(GEMM_BYTE)
int widen_byte(uchar x, int isSigned) {
  return isSigned ? (int) (char) x : (int) x;
}
#endif

// Stores one sum of row `row` at c[at] as the kind requires.
void store_value(__global void* c, int at, sum_value value, const __global int* rowParameters,
    int rowParameterCount, int row, int mode) {
#if defined(GEMM_FLOAT)
  // mode 1: rowParameters holds a float bias (its bits) per row.
  float result = value;
  if (mode == 1) {
    result += as_float(rowParameters[rowParameterCount == 1 ? 0 : row]);
  }
  ((__global float*) c)[at] = result;
#elif defined(GEMM_WIDE)
  // mode bit 0: Q16_16, round the Q32.32 sum; bit 1: rowParameters holds a Q16_16 bias per row.
  long sum = (long) value;
  if (mode & 2) {
    ulong bias = (ulong) (long) rowParameters[rowParameterCount == 1 ? 0 : row];
    sum = (long) ((ulong) sum + (bias << 16));
  }
  if (mode & 1) {
    long quotient = sum >> 16;
    long remainder = sum & 0xFFFFL;
    if (remainder > 0x8000L || (remainder == 0x8000L && (quotient & 1L) != 0)) {
      quotient++;
    }
    sum = quotient;
  }
  ((__global int*) c)[at] = (int) clamp(sum, (long) INT_MIN, (long) INT_MAX);
#else
  ((__global int*) c)[at] = as_int(value);
#endif
}

// Stores one row of a work-item's block: columns [column, column + VW) of `row`, those inside C.
void store_row(__global void* c, int cOffset, int ldc, int row, int column, int n, SUM_VECTOR sums,
    const __global int* rowParameters, int rowParameterCount, int rowBase, int mode) {
  sum_value values[VW];
  CAT(vstore, VW)(sums, 0, values);
  for (int v = 0; v < VW && column + v < n; v++) {
    store_value(c, cOffset + row * ldc + column + v, values[v], rowParameters, rowParameterCount, rowBase + row,
        mode);
  }
}

// A(row, kk) as a tile value: converted, and for 8-bit operands less the row's zero point.
tile_value load_a(const __global operand* a, int row, int kk, int lda, int transA,
    const __global int* rowParameters, int rowParameterCount, int rowBase, int mode) {
  operand x = transA ? a[kk * lda + row] : a[row * lda + kk];
#if defined(GEMM_BYTE)
  return (tile_value) (widen_byte(x, mode & 1) - rowParameters[rowParameterCount == 1 ? 0 : rowBase + row]);
#else
  return TO_TILE(x);
#endif
}

// B(kk, column) as a tile value, for 8-bit operands less the column's zero point.
tile_value load_b(const __global operand* b, int kk, int column, int ldb, int transB,
    const __global int* columnParameters, int columnParameterCount, int mode) {
  operand x = transB ? b[column * ldb + kk] : b[kk * ldb + column];
#if defined(GEMM_BYTE)
  return (tile_value) (widen_byte(x, mode & 2) - columnParameters[columnParameterCount == 1 ? 0 : column]);
#else
  return TO_TILE(x);
#endif
}

__kernel __attribute__((reqd_work_group_size(WG_X, WG_Y, 1)))
void gemm(const __global operand* a, const __global operand* b, __global void* c,
    const __global int* offsets, int m, int n, int k, int lda, int ldb, int ldc, int transA, int transB,
    const __global int* rowParameters, int rowParameterCount, const __global int* columnParameters,
    int columnParameterCount, int mode) {
  __local tile_value aTile[BK * BM];  // [kk][row]
  __local tile_value bTile[BK * BN];  // [kk][column]
  const int localX = get_local_id(0);
  const int localY = get_local_id(1);
  const int localId = localY * WG_X + localX;
  const int tileRow = get_group_id(1) * BM;
  const int tileColumn = get_group_id(0) * BN;
  const int batch = get_global_id(2);
  a += offsets[4 * batch];
  b += offsets[4 * batch + 1];
  const int cOffset = offsets[4 * batch + 2];
  const int rowBase = offsets[4 * batch + 3];

  SUM_VECTOR sums[RM];
  for (int r = 0; r < RM; r++) {
    sums[r] = (SUM_VECTOR) (0);
  }

  for (int kBase = 0; kBase < k; kBase += BK) {
    // Consecutive work-items read consecutive addresses of whichever operand layout is in use.
    for (int e = localId; e < BM * BK; e += WG_SIZE) {
      int row = transA ? e % BM : e / BK;
      int kk = transA ? e / BM : e % BK;
      int globalRow = tileRow + row;
      int globalK = kBase + kk;
      aTile[kk * BM + row] = globalRow < m && globalK < k
          ? load_a(a, globalRow, globalK, lda, transA, rowParameters, rowParameterCount, rowBase, mode) : 0;
    }
    for (int e = localId; e < BK * BN; e += WG_SIZE) {
      int column = transB ? e / BK : e % BN;
      int kk = transB ? e % BK : e / BN;
      int globalColumn = tileColumn + column;
      int globalK = kBase + kk;
      bTile[kk * BN + column] = globalColumn < n && globalK < k
          ? load_b(b, globalK, globalColumn, ldb, transB, columnParameters, columnParameterCount, mode) : 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);

    const __local tile_value* aColumn = aTile + localY * RM;
    const __local tile_value* bRow = bTile + localX * VW;
    for (int kk = 0; kk < BK; kk++) {
      SUM_VECTOR bValues = VLOAD(0, bRow + kk * BN);
      for (int r = 0; r < RM; r++) {
        sums[r] = MULTIPLY_ADD(aColumn[kk * BM + r], bValues, sums[r]);
      }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }

  for (int r = 0; r < RM; r++) {
    int row = tileRow + localY * RM + r;
    if (row < m) {
      store_row(c, cOffset, ldc, row, tileColumn + localX * VW, n, sums[r], rowParameters, rowParameterCount,
          rowBase, mode);
    }
  }
}

// Panels for gemm_blocked: A as [batch][row block][k][PACK_ROWS], B as [batch][column block][k][2 VW], zero
// beyond m and n, values converted and, for 8-bit operands, less their zero points.
#define PACK_ROWS 8
#define PACK_COLUMNS (2 * VW)

#if defined(GEMM_BYTE)
// 8-bit operands less their zero points fit in 16 bits: the panels hold them as shorts in pairs along k, a
// tile value (k, k + 1) per row or column, k padded to even with zeros, so that one multiply-add of 16-bit
// pairs into 32-bit lanes (pmaddwd) does two steps of the product.
typedef short packed_value;
#define PACKED_DEPTH(k) (((k) + 1) & ~1)
#define PANEL_INDEX(panel, depth, kk, lane, width) \
    ((((long) (panel) * ((depth) / 2) + (kk) / 2) * (width) + (lane)) * 2 + (kk) % 2)
#else
typedef tile_value packed_value;
#define PACKED_DEPTH(k) (k)
#define PANEL_INDEX(panel, depth, kk, lane, width) (((long) (panel) * (depth) + (kk)) * (width) + (lane))
#endif

// Work-item (x, y) of batch z packs one value; x runs along the operand's contiguous axis (k for rows stored
// whole, rows or columns when transposed) so neighbouring work-items read neighbouring addresses. The host
// pads x to the work-group size and covers PACKED_DEPTH(k).
__kernel void pack_a(const __global operand* a, __global packed_value* packed, const __global int* offsets,
    int m, int k, int lda, int transA, const __global int* rowParameters, int rowParameterCount, int mode) {
  const int row = transA ? get_global_id(0) : get_global_id(1);
  const int kk = transA ? get_global_id(1) : get_global_id(0);
  const int batch = get_global_id(2);
  const int blocks = (m + PACK_ROWS - 1) / PACK_ROWS;
  const int depth = PACKED_DEPTH(k);
  if (row >= blocks * PACK_ROWS || kk >= depth) {
    return;
  }
  packed[PANEL_INDEX(batch * blocks + row / PACK_ROWS, depth, kk, row % PACK_ROWS, PACK_ROWS)] = row < m && kk < k
      ? (packed_value) load_a(a + offsets[4 * batch], row, kk, lda, transA, rowParameters, rowParameterCount,
          offsets[4 * batch + 3], mode)
      : 0;
}

__kernel void pack_b(const __global operand* b, __global packed_value* packed, const __global int* offsets,
    int n, int k, int ldb, int transB, const __global int* columnParameters, int columnParameterCount,
    int mode) {
  const int column = transB ? get_global_id(1) : get_global_id(0);
  const int kk = transB ? get_global_id(0) : get_global_id(1);
  const int batch = get_global_id(2);
  const int blocks = (n + PACK_COLUMNS - 1) / PACK_COLUMNS;
  const int depth = PACKED_DEPTH(k);
  if (column >= blocks * PACK_COLUMNS || kk >= depth) {
    return;
  }
  packed[PANEL_INDEX(batch * blocks + column / PACK_COLUMNS, depth, kk, column % PACK_COLUMNS, PACK_COLUMNS)] =
      column < n && kk < k
      ? (packed_value) load_b(b + offsets[4 * batch + 1], kk, column, ldb, transB, columnParameters,
          columnParameterCount, mode)
      : 0;
}

#if defined(GEMM_BYTE)
// The sums of a pair step: each 32-bit lane of `pairs`, and `pair`, holds two 16-bit values, (k, k + 1).
#if VW == 16 && defined(__AVX512BW__)
// The vectoriser does not turn the portable form below into pmaddwd, so x86 with AVX-512BW calls it directly.
typedef short pair_halves __attribute__((ext_vector_type(32)));
#define PAIR_PRODUCTS(pairs, pair) as_uint16(__builtin_ia32_pmaddwd512(__builtin_astype((pairs), pair_halves), \
    __builtin_astype((uint16) (pair), pair_halves)))
#elif VW == 8 && defined(__AVX2__)
#define PAIR_PRODUCTS(pairs, pair) as_uint8(__builtin_ia32_pmaddwd256(as_short16(pairs), as_short16((uint8) (pair))))
#else
#define PAIR_PRODUCTS(pairs, pair) pair_products((pairs), (pair))
SUM_VECTOR pair_products(SUM_VECTOR pairs, uint pair) {
  CAT(int, VW) low = CAT(as_int, VW)(pairs << 16) >> 16;
  CAT(int, VW) high = CAT(as_int, VW)(pairs) >> 16;
  return CAT(as_uint, VW)(low * (as_int(pair << 16) >> 16) + high * (as_int(pair) >> 16));
}
#endif
#endif

#define FOR_EACH_ROW(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define DECLARE_SUMS(r) SUM_VECTOR left##r = (SUM_VECTOR) (0), right##r = (SUM_VECTOR) (0);
#define ACCUMULATE(r, value) { tile_value x = (value); left##r = MULTIPLY_ADD(x, bLeft, left##r); \
    right##r = MULTIPLY_ADD(x, bRight, right##r); }
#define ACCUMULATE_PAIRS(r) { uint x = a[r * aRowStride + pair * aDepthStride]; \
    left##r += PAIR_PRODUCTS(bLeft, x); right##r += PAIR_PRODUCTS(bRight, x); }
#define ACCUMULATE_FULL(r) ACCUMULATE(r, a[r * aRowStride + kk * aDepthStride])
#define ACCUMULATE_EDGE(r) ACCUMULATE(r, row + r < m ? a[r * aRowStride + kk * aDepthStride] : 0)
#define STORE_SUMS(r) if (row + r < m) { \
    store_row(c, cOffset, ldc, row + r, column, n, left##r, rowParameters, rowParameterCount, rowBase, mode); \
    store_row(c, cOffset, ldc, row + r, column + VW, n, right##r, rowParameters, rowParameterCount, rowBase, \
        mode); }

// The CPU kernel: a work-group is one work-item, so the device compiler sees plain loops and keeps an 8 x (2 VW)
// block of C in sixteen vector registers (named, not an array, so nothing spills to memory). A and B are read
// in place or from pack_a / pack_b's panels: the block's rows start at aBlockStride * row block, element
// (r, kk) at r * aRowStride + kk * aDepthStride; B's 2 VW columns for kk lie contiguous at kk * bDepthStride.
// `padded` says both operands are packed panels, zero beyond m and n, so no read needs a guard. `rowsFirst`
// swaps the grid's first two dimensions so that consecutive work-items share a column block of B.
__kernel __attribute__((reqd_work_group_size(1, 1, 1)))
void gemm_blocked(const __global tile_value* aBase, const __global tile_value* bBase, __global void* c,
    const __global int* offsets, int m, int n, int k, int ldc, int aBlockStride, int aRowStride,
    int aDepthStride, int bBlockStride, int bDepthStride, int padded, int rowsFirst,
    const __global int* rowParameters, int rowParameterCount, int mode) {
  const int columnBlock = get_global_id(rowsFirst ? 1 : 0);
  const int rowBlock = get_global_id(rowsFirst ? 0 : 1);
  const int batch = get_global_id(2);
  const int row = rowBlock * PACK_ROWS;
  const int column = columnBlock * PACK_COLUMNS;
  const __global tile_value* a = aBase + offsets[4 * batch] + (long) rowBlock * aBlockStride;
  const __global tile_value* b = bBase + offsets[4 * batch + 1] + (long) columnBlock * bBlockStride;
  FOR_EACH_ROW(DECLARE_SUMS)
#if defined(GEMM_BYTE)
  // Both operands are always packed as pairs along k.
  for (int pair = 0; pair < (k + 1) / 2; pair++) {
    SUM_VECTOR bLeft = VLOAD(0, b + pair * bDepthStride);
    SUM_VECTOR bRight = VLOAD(1, b + pair * bDepthStride);
    FOR_EACH_ROW(ACCUMULATE_PAIRS)
  }
#else
  const bool fullColumns = padded || column + PACK_COLUMNS <= n;
  if (fullColumns && (padded || row + PACK_ROWS <= m)) {
    for (int kk = 0; kk < k; kk++) {
      SUM_VECTOR bLeft = VLOAD(0, b + kk * bDepthStride);
      SUM_VECTOR bRight = VLOAD(1, b + kk * bDepthStride);
      FOR_EACH_ROW(ACCUMULATE_FULL)
    }
  } else if (fullColumns) {
    for (int kk = 0; kk < k; kk++) {
      SUM_VECTOR bLeft = VLOAD(0, b + kk * bDepthStride);
      SUM_VECTOR bRight = VLOAD(1, b + kk * bDepthStride);
      FOR_EACH_ROW(ACCUMULATE_EDGE)
    }
  } else {
    for (int kk = 0; kk < k; kk++) {
      tile_value bValues[PACK_COLUMNS];
      for (int v = 0; v < PACK_COLUMNS; v++) {
        bValues[v] = column + v < n ? b[kk * bDepthStride + v] : 0;
      }
      SUM_VECTOR bLeft = VLOAD(0, bValues);
      SUM_VECTOR bRight = VLOAD(1, bValues);
      FOR_EACH_ROW(ACCUMULATE_EDGE)
    }
  }
#endif
  const int cOffset = offsets[4 * batch + 2];
  const int rowBase = offsets[4 * batch + 3];
  FOR_EACH_ROW(STORE_SUMS)
}

// A convolution computed directly: for groups of few filters (depthwise convolutions), where a product would
// leave most of each block empty. A work-item computes DIRECT_RUN neighbouring outputs of one output row, so
// the innermost loop runs along the row and vectorises. geometry: C, H, W, kH, kW, outH, outW, strideH,
// strideW, padTop, padLeft, dilationH, dilationW, M, groups. For 8-bit operands mode bit 0 says the weights
// are signed, bit 1 the input; columnParameters[0] is the input's zero point and padding contributes 0.
#define DIRECT_RUN 16

__kernel void conv_direct(const __global operand* x, const __global operand* w, __global void* c,
    const __global int* g, const __global int* rowParameters, int rowParameterCount,
    const __global int* columnParameters, int mode, int count) {
  const int o = get_global_id(0);
  if (o >= count) {
    return;
  }
  const int outW = g[6];
  const int outH = g[5];
  const int filters = g[13];
  const int runs = (outW + DIRECT_RUN - 1) / DIRECT_RUN;
  const int firstColumn = (o % runs) * DIRECT_RUN;
  const int oh = (o / runs) % outH;
  const int m = (o / (runs * outH)) % filters;
  const int image = o / (runs * outH * filters);
  const int channelsPerGroup = g[0] / g[14];
  const int firstChannel = (m / (filters / g[14])) * channelsPerGroup;
#if defined(GEMM_BYTE)
  const int xZero = columnParameters[0];
  const int wZero = rowParameters[rowParameterCount == 1 ? 0 : m];
#endif
  sum_value sums[DIRECT_RUN];
  for (int j = 0; j < DIRECT_RUN; j++) {
    sums[j] = 0;
  }
  for (int channel = 0; channel < channelsPerGroup; channel++) {
    const __global operand* plane = x + ((long) image * g[0] + firstChannel + channel) * g[1] * g[2];
    const __global operand* filter = w + ((long) m * channelsPerGroup + channel) * g[3] * g[4];
    for (int kh = 0; kh < g[3]; kh++) {
      int h = oh * g[7] - g[9] + kh * g[11];
      if (h < 0 || h >= g[1]) {
        continue;
      }
      const __global operand* line = plane + h * g[2];
      for (int kw = 0; kw < g[4]; kw++) {
        operand weight = filter[kh * g[4] + kw];
        int start = firstColumn * g[8] - g[10] + kw * g[12];
        for (int j = 0; j < DIRECT_RUN; j++) {
          int wi = start + j * g[8];
          bool inside = firstColumn + j < outW && wi >= 0 && wi < g[2];
          operand xv = inside ? line[wi] : 0;
#if defined(GEMM_FLOAT)
          sums[j] += xv * weight;
#elif defined(GEMM_WIDE)
          sums[j] += (ulong) (long) xv * (ulong) (long) weight;
#else
          sums[j] += inside ? (uint) ((widen_byte(xv, mode & 2) - xZero) * (widen_byte(weight, mode & 1) - wZero))
              : 0;
#endif
        }
      }
    }
  }
  const int at = ((image * filters + m) * outH + oh) * outW + firstColumn;
  for (int j = 0; j < DIRECT_RUN && firstColumn + j < outW; j++) {
#if defined(GEMM_BYTE)
    ((__global int*) c)[at + j] = as_int(sums[j]);
#else
    store_value(c, at + j, sums[j], rowParameters, rowParameterCount, m, mode);
#endif
  }
}
