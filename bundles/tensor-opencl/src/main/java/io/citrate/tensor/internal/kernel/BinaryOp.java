package io.citrate.tensor.internal.kernel;

/**
 * Element-wise binary operations. FLOAT32: IEEE single precision. INT8, UINT8, INT32: C arithmetic on the
 * widened values, wrapping to the type, division truncating toward zero and by zero giving 0. Q16_16: the
 * rules of {@link io.citrate.tensor.api.FixedPoint} (add and sub saturate). POW is FLOAT32 only.
 */
public enum BinaryOp {
  ADD,
  SUB,
  MUL,
  DIV,
  POW,
  MIN,
  MAX
}
