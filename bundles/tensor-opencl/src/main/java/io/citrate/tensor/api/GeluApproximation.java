package io.citrate.tensor.api;

/** GELU as ONNX defines it: exact with erf, or the tanh approximation. */
public enum GeluApproximation {
  NONE,
  TANH
}
