package io.citrate.tensor.api;

/**
 * Element types. {@link #Q16_16} is the fixed-point format of {@link NumericMode#EXACT}: a signed 32-bit two's
 * complement integer {@code raw} standing for {@code raw / 65536} (16 integer bits including the sign, 16
 * fraction bits; range [-32768, 32767.99998], resolution 2^-16). See {@link FixedPoint} for its rounding and
 * saturation rules.
 */
public enum DType {
  FLOAT32(4),
  INT8(1),
  UINT8(1),
  INT32(4),
  Q16_16(4);

  private final int byteSize;

  DType(int byteSize) {
    this.byteSize = byteSize;
  }

  /** Bytes one element occupies on a device. */
  public int byteSize() {
    return byteSize;
  }

  /** True for the types whose arithmetic is integer arithmetic (every type but {@link #FLOAT32}). */
  public boolean isExact() {
    return this != FLOAT32;
  }

  /** True for the 8-bit types quantized operators read and write. */
  public boolean isQuantized() {
    return this == INT8 || this == UINT8;
  }

  /** Least value of an integer type ({@link #Q16_16} as its raw value). */
  public long minValue() {
    return switch (this) {
      case INT8 -> Byte.MIN_VALUE;
      case UINT8 -> 0;
      case INT32, Q16_16 -> Integer.MIN_VALUE;
      case FLOAT32 -> throw new IllegalStateException("float32 has no integer range");
    };
  }

  /** Greatest value of an integer type ({@link #Q16_16} as its raw value). */
  public long maxValue() {
    return switch (this) {
      case INT8 -> Byte.MAX_VALUE;
      case UINT8 -> 255;
      case INT32, Q16_16 -> Integer.MAX_VALUE;
      case FLOAT32 -> throw new IllegalStateException("float32 has no integer range");
    };
  }
}
