package io.citrate.tensor.api;

/** LayerNormalization's output, with the mean and the inverse standard deviation of each normalized row. */
public record LayerNormResult(Tensor output, Tensor mean, Tensor inverseStdDev) {}
