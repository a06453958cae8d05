package io.citrate.tensor.conformance;

/** ONNX's TensorProto.DataType, with the storage each element takes in {@code raw_data}. */
enum OnnxDataType {
  UNDEFINED(0, 0),
  FLOAT(1, 32),
  UINT8(2, 8),
  INT8(3, 8),
  UINT16(4, 16),
  INT16(5, 16),
  INT32(6, 32),
  INT64(7, 64),
  STRING(8, 0),
  BOOL(9, 8),
  FLOAT16(10, 16),
  DOUBLE(11, 64),
  UINT32(12, 32),
  UINT64(13, 64),
  COMPLEX64(14, 64),
  COMPLEX128(15, 128),
  BFLOAT16(16, 16),
  FLOAT8E4M3FN(17, 8),
  FLOAT8E4M3FNUZ(18, 8),
  FLOAT8E5M2(19, 8),
  FLOAT8E5M2FNUZ(20, 8),
  UINT4(21, 4),
  INT4(22, 4),
  FLOAT4E2M1(23, 4),
  FLOAT8E8M0(24, 8),
  UINT2(25, 2),
  INT2(26, 2);

  private static final OnnxDataType[] BY_CODE = new OnnxDataType[values().length];

  static {
    for (OnnxDataType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;
  private final int bits;

  OnnxDataType(int code, int bits) {
    this.code = code;
    this.bits = bits;
  }

  static OnnxDataType of(long code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new OnnxFormatException("unknown tensor data type " + code);
    }
    return BY_CODE[(int) code];
  }

  /** Bits one element occupies in {@code raw_data}; 4- and 2-bit types pack several elements per byte. */
  int bits() {
    return bits;
  }

  /** Signed integer types whose narrow stored values are sign-extended when read. */
  boolean isSignedInteger() {
    return this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == INT4 || this == INT2;
  }

  /** Float types narrower than FLOAT, which the reader keeps as bit patterns. */
  boolean isFloatBitPattern() {
    return switch (this) {
      case FLOAT16, BFLOAT16, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT4E2M1, FLOAT8E8M0 ->
          true;
      default -> false;
    };
  }
}
