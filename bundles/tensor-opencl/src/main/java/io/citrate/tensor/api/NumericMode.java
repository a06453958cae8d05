package io.citrate.tensor.api;

/**
 * How a session computes.
 *
 * <ul>
 *   <li>{@link #FAST}: float32 on any device. Results agree with the Java reference within
 *       {@code |got - want| <= 1e-3 * |want| + 1e-5} per element (transcendental functions, summation order
 *       and fused multiply-add differ between devices). Never enters consensus.
 *   <li>{@link #EXACT}: integer and {@link DType#Q16_16 fixed-point} arithmetic with the rounding and saturation
 *       rules of {@link FixedPoint}; every backend and device computes the same bits. Float32 tensors may only
 *       be quantization parameters (scales), which the session converts on the host; float arithmetic and
 *       the transcendental operations are refused with {@link TensorException.Kind#UNSUPPORTED_IN_EXACT}.
 *       Only EXACT results may enter consensus.
 * </ul>
 */
public enum NumericMode {
  FAST,
  EXACT
}
