package io.citrate.tensor.conformance;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A decoded ONNX TensorProto. FLOAT values are in {@link #floats()}, DOUBLE values in {@link #doubles()}; every
 * other type is in {@link #integers()}: integers and BOOL as their values (signed types sign-extended, UINT64 as
 * its two's complement bits), the 16-, 8- and 4-bit float types as their bit patterns.
 */
final class OnnxTensor {
  private static final float[] NO_FLOATS = new float[0];
  private static final double[] NO_DOUBLES = new double[0];
  private static final long[] NO_INTEGERS = new long[0];

  private final String name;
  private final OnnxDataType dataType;
  private final long[] dims;
  private final float[] floats;
  private final double[] doubles;
  private final long[] integers;

  private OnnxTensor(String name, OnnxDataType dataType, long[] dims, float[] floats, double[] doubles,
      long[] integers) {
    this.name = name;
    this.dataType = dataType;
    this.dims = dims;
    this.floats = floats;
    this.doubles = doubles;
    this.integers = integers;
  }

  static OnnxTensor read(Path file) {
    return ProtobufReader.parseFile(file, "TensorProto", OnnxTensor::parse);
  }

  static OnnxTensor parse(ProtobufReader in) {
    String name = "";
    long dataTypeCode = 0;
    var dims = new ProtobufReader.LongList();
    var floatData = new ProtobufReader.LongList();
    var int32Data = new ProtobufReader.LongList();
    var int64Data = new ProtobufReader.LongList();
    var doubleData = new ProtobufReader.LongList();
    var uint64Data = new ProtobufReader.LongList();
    byte[] raw = null;
    boolean strings = false;
    long dataLocation = 0;
    while (in.hasMore()) {
      in.readTag();
      switch (in.fieldNumber()) {
        case 1 -> in.readRepeatedVarint(dims, "dims");
        case 2 -> {
          in.expectWireType(ProtobufReader.VARINT, "data_type");
          dataTypeCode = in.readVarint();
        }
        case 4 -> in.readRepeatedFixed32(floatData, "float_data");
        case 5 -> in.readRepeatedVarint(int32Data, "int32_data");
        case 6 -> {
          strings = true;
          in.skipField();
        }
        case 7 -> in.readRepeatedVarint(int64Data, "int64_data");
        case 8 -> name = in.readString();
        case 9 -> raw = in.readBytes();
        case 10 -> in.readRepeatedFixed64(doubleData, "double_data");
        case 11 -> in.readRepeatedVarint(uint64Data, "uint64_data");
        case 14 -> {
          in.expectWireType(ProtobufReader.VARINT, "data_location");
          dataLocation = in.readVarint();
        }
        default -> in.skipField();
      }
    }
    OnnxDataType type = OnnxDataType.of(dataTypeCode);
    String label = "tensor '" + name + "' of " + type;
    if (dataLocation != 0) {
      throw new OnnxFormatException(label + " keeps its data externally, which is not supported");
    }
    switch (type) {
      case UNDEFINED -> throw new OnnxFormatException(label + " has no data type");
      case STRING, COMPLEX64, COMPLEX128 -> throw new OnnxFormatException(label + ": type not supported");
      default -> { }
    }
    if (strings) {
      throw new OnnxFormatException(label + " has string_data");
    }
    long[] dimArray = dims.toArray();
    int count = elementCount(dimArray, label);

    int fieldsSet = (raw != null ? 1 : 0) + (floatData.size() > 0 ? 1 : 0) + (int32Data.size() > 0 ? 1 : 0)
        + (int64Data.size() > 0 ? 1 : 0) + (doubleData.size() > 0 ? 1 : 0) + (uint64Data.size() > 0 ? 1 : 0);
    if (fieldsSet > 1) {
      throw new OnnxFormatException(label + " sets more than one data field");
    }
    if (fieldsSet == 0) {
      if (count != 0) {
        throw new OnnxFormatException(label + " with " + count + " elements has no data");
      }
      return new OnnxTensor(name, type, dimArray, NO_FLOATS, NO_DOUBLES, NO_INTEGERS);
    }
    if (raw != null) {
      return fromRaw(name, type, dimArray, count, raw, label);
    }
    if (floatData.size() > 0) {
      requireType(type == OnnxDataType.FLOAT, label, "float_data");
      long[] bits = checkedCount(floatData.toArray(), count, label);
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        values[i] = Float.intBitsToFloat((int) bits[i]);
      }
      return new OnnxTensor(name, type, dimArray, values, NO_DOUBLES, NO_INTEGERS);
    }
    if (doubleData.size() > 0) {
      requireType(type == OnnxDataType.DOUBLE, label, "double_data");
      long[] bits = checkedCount(doubleData.toArray(), count, label);
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = Double.longBitsToDouble(bits[i]);
      }
      return new OnnxTensor(name, type, dimArray, NO_FLOATS, values, NO_INTEGERS);
    }
    if (int64Data.size() > 0) {
      requireType(type == OnnxDataType.INT64, label, "int64_data");
      return integerTensor(name, type, dimArray, checkedCount(int64Data.toArray(), count, label));
    }
    if (uint64Data.size() > 0) {
      requireType(type == OnnxDataType.UINT32 || type == OnnxDataType.UINT64, label, "uint64_data");
      return integerTensor(name, type, dimArray, checkedCount(uint64Data.toArray(), count, label));
    }
    return fromInt32Data(name, type, dimArray, count, int32Data.toArray(), label);
  }

  private static OnnxTensor fromRaw(String name, OnnxDataType type, long[] dims, int count, byte[] raw,
      String label) {
    long expectedBytes = ((long) count * type.bits() + 7) / 8;
    if (raw.length != expectedBytes) {
      throw new OnnxFormatException(label + " has " + raw.length + " bytes of raw_data, expected " + expectedBytes
          + " for " + count + " elements");
    }
    if (type == OnnxDataType.FLOAT) {
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        values[i] = Float.intBitsToFloat((int) littleEndian(raw, i * 4, 4));
      }
      return new OnnxTensor(name, type, dims, values, NO_DOUBLES, NO_INTEGERS);
    }
    if (type == OnnxDataType.DOUBLE) {
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = Double.longBitsToDouble(littleEndian(raw, i * 8, 8));
      }
      return new OnnxTensor(name, type, dims, NO_FLOATS, values, NO_INTEGERS);
    }
    long[] values = new long[count];
    int bits = type.bits();
    if (bits >= 8) {
      int width = bits / 8;
      for (int i = 0; i < count; i++) {
        values[i] = extend(littleEndian(raw, i * width, width), bits, type);
      }
    } else {
      int perByte = 8 / bits;
      int mask = (1 << bits) - 1;
      for (int i = 0; i < count; i++) {
        int field = (raw[i / perByte] >>> ((i % perByte) * bits)) & mask;
        values[i] = extend(field, bits, type);
      }
    }
    return integerTensor(name, type, dims, values);
  }

  /** int32_data: one element per entry, except 4-bit types (2 per entry) and 2-bit types (4 per entry). */
  private static OnnxTensor fromInt32Data(String name, OnnxDataType type, long[] dims, int count, long[] data,
      String label) {
    switch (type) {
      case FLOAT, DOUBLE, INT64, UINT32, UINT64 -> throw new OnnxFormatException(
          label + " cannot be stored in int32_data");
      default -> { }
    }
    int bits = type.bits();
    if (bits >= 8) {
      long[] entries = checkedCount(data, count, label);
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = type == OnnxDataType.INT32 ? (int) entries[i] : extend(entries[i] & ((1L << bits) - 1), bits,
            type);
      }
      return integerTensor(name, type, dims, values);
    }
    int perEntry = 8 / bits;
    int expectedEntries = (count + perEntry - 1) / perEntry;
    if (data.length != expectedEntries) {
      throw new OnnxFormatException(label + " has " + data.length + " int32_data entries, expected "
          + expectedEntries + " for " + count + " packed elements");
    }
    int mask = (1 << bits) - 1;
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      long field = (data[i / perEntry] >>> ((i % perEntry) * bits)) & mask;
      values[i] = extend(field, bits, type);
    }
    return integerTensor(name, type, dims, values);
  }

  private static OnnxTensor integerTensor(String name, OnnxDataType type, long[] dims, long[] values) {
    return new OnnxTensor(name, type, dims, NO_FLOATS, NO_DOUBLES, values);
  }

  private static long extend(long value, int bits, OnnxDataType type) {
    if (bits == 64 || !type.isSignedInteger()) {
      return value;
    }
    int unused = 64 - bits;
    return (value << unused) >> unused;
  }

  private static long littleEndian(byte[] bytes, int offset, int width) {
    long value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = value << 8 | (bytes[offset + i] & 0xFF);
    }
    return value;
  }

  private static long[] checkedCount(long[] values, int count, String label) {
    if (values.length != count) {
      throw new OnnxFormatException(label + " has " + values.length + " values, expected " + count);
    }
    return values;
  }

  private static void requireType(boolean matches, String label, String field) {
    if (!matches) {
      throw new OnnxFormatException(label + " cannot be stored in " + field);
    }
  }

  private static int elementCount(long[] dims, String label) {
    long count = 1;
    for (long dim : dims) {
      if (dim < 0) {
        throw new OnnxFormatException(label + " has a negative dimension in " + Arrays.toString(dims));
      }
      count *= dim;
      if (count > Integer.MAX_VALUE) {
        throw new OnnxFormatException(label + " has too many elements: " + Arrays.toString(dims));
      }
    }
    return (int) count;
  }

  String name() {
    return name;
  }

  OnnxDataType dataType() {
    return dataType;
  }

  long[] dims() {
    return dims.clone();
  }

  int rank() {
    return dims.length;
  }

  int elementCount() {
    int count = 1;
    for (long dim : dims) {
      count *= (int) dim;
    }
    return count;
  }

  float[] floats() {
    requireKind(dataType == OnnxDataType.FLOAT, "floats");
    return floats.clone();
  }

  double[] doubles() {
    requireKind(dataType == OnnxDataType.DOUBLE, "doubles");
    return doubles.clone();
  }

  long[] integers() {
    requireKind(dataType != OnnxDataType.FLOAT && dataType != OnnxDataType.DOUBLE, "integers");
    return integers.clone();
  }

  /** Every element as a double: floats widened, integers converted (UINT64 read as unsigned). */
  double[] asDoubles() {
    requireKind(!dataType.isFloatBitPattern(), "numeric values (its elements are bit patterns)");
    int count = elementCount();
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = switch (dataType) {
        case FLOAT -> floats[i];
        case DOUBLE -> doubles[i];
        case UINT64 -> integers[i] >= 0 ? integers[i] : (integers[i] >>> 1) * 2.0 + (integers[i] & 1);
        default -> integers[i];
      };
    }
    return values;
  }

  private void requireKind(boolean matches, String what) {
    if (!matches) {
      throw new IllegalStateException("tensor '" + name + "' of " + dataType + " has no " + what);
    }
  }

  @Override
  public String toString() {
    return name + ": " + dataType + Arrays.toString(dims);
  }
}
