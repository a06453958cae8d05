package io.citrate.tensor.internal.kernel;

/**
 * Element-wise unary operations with up to two scalar parameters. For FLOAT32 the parameters are floats; for
 * integer types and Q16_16 they are already exact integers (Q16_16 raw values) carried in a double.
 * Only RELU, LEAKY_RELU (FLOAT32 and Q16_16) and CLIP apply to non-float types.
 */
public enum UnaryOp {
  /** max(x, 0). */
  RELU,
  /** x < 0 ? x * p0 : x; for Q16_16 the product rounds and saturates as FixedPoint.multiply. */
  LEAKY_RELU,
  /** min(max(x, p0), p1). */
  CLIP,
  SIGMOID,
  TANH,
  /** x * (1 + erf(x / sqrt 2)) / 2. */
  GELU,
  /** x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))) / 2. */
  GELU_TANH,
  ERF,
  EXP,
  LOG,
  SQRT
}
