package io.citrate.tensor.api;

/**
 * MaxPool's values and, for each, the INT32 index of the chosen element in the flattened input (row-major over
 * N, C and the spatial dimensions, as ONNX's {@code Indices} output with storage order 0).
 */
public record MaxPoolResult(Tensor values, Tensor indices) {}
