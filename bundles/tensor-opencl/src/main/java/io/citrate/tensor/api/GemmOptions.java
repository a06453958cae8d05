package io.citrate.tensor.api;

/** Gemm's {@code Y = alpha * op(A) op(B) + beta * C}, where op transposes when asked. */
public record GemmOptions(float alpha, float beta, boolean transA, boolean transB) {
  public static final GemmOptions DEFAULT = new GemmOptions(1f, 1f, false, false);
}
