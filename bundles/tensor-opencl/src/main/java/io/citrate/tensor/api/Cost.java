package io.citrate.tensor.api;

/**
 * What operations cost, the basis on which gas is charged: multiply-accumulates (one per product summed in
 * MatMul, Gemm and convolutions; one per element for other arithmetic), bytes moved (read from inputs plus
 * written to outputs, host transfers included) and the number of operations run. The figures depend only on
 * shapes and types, never on the backend, so every node charges the same.
 *
 * <p>Multiply-accumulates per operation: {@code batch * m * n * k} for MatMul, Gemm, MatMulInteger and
 * QLinearMatMul; {@code N * M * OH * OW * (C / groups) * kH * kW} for Conv, ConvInteger and QLinearConv; output
 * elements times the window size for pools; output elements for element-wise operations and Cast; input
 * elements for reductions, BatchNormalization, QuantizeLinear and DequantizeLinear; three per input element
 * for Softmax and LayerNormalization; none for transfers and pure data movement (Reshape, Transpose, Concat,
 * Gather, Slice).
 */
public record Cost(long multiplyAccumulates, long bytesMoved, long operations) {
  public static final Cost ZERO = new Cost(0, 0, 0);

  public Cost plus(Cost other) {
    return new Cost(Math.addExact(multiplyAccumulates, other.multiplyAccumulates),
        Math.addExact(bytesMoved, other.bytesMoved), Math.addExact(operations, other.operations));
  }
}
