package io.citrate.tensor.conformance;

import java.nio.charset.StandardCharsets;

/**
 * One AttributeProto. {@code type} is the AttributeType enum when the file gives it (FLOAT 1, INT 2, STRING 3,
 * TENSOR 4, FLOATS 6, INTS 7); files from before IR version 2 leave it out, so accessors check the field that is
 * present instead.
 */
record OnnxAttribute(String name, int type, Float f, Long i, byte[] s, OnnxTensor t, float[] floats,
    long[] ints) {
  static final int FLOAT = 1;
  static final int INT = 2;
  static final int STRING = 3;
  static final int TENSOR = 4;
  static final int FLOATS = 6;
  static final int INTS = 7;

  static OnnxAttribute parse(ProtobufReader in) {
    String name = "";
    int type = 0;
    Float f = null;
    Long i = null;
    byte[] s = null;
    OnnxTensor t = null;
    var floats = new ProtobufReader.LongList();
    var ints = new ProtobufReader.LongList();
    while (in.hasMore()) {
      in.readTag();
      switch (in.fieldNumber()) {
        case 1 -> name = in.readString();
        case 2 -> {
          in.expectWireType(ProtobufReader.FIXED32, "f");
          f = Float.intBitsToFloat(in.readFixed32());
        }
        case 3 -> {
          in.expectWireType(ProtobufReader.VARINT, "i");
          i = in.readVarint();
        }
        case 4 -> s = in.readBytes();
        case 5 -> t = OnnxTensor.parse(in.readMessage());
        case 7 -> in.readRepeatedFixed32(floats, "floats");
        case 8 -> in.readRepeatedVarint(ints, "ints");
        case 20 -> {
          in.expectWireType(ProtobufReader.VARINT, "type");
          type = (int) in.readVarint();
        }
        default -> in.skipField();
      }
    }
    if (name.isEmpty()) {
      throw in.malformed("attribute without a name");
    }
    long[] floatBits = floats.toArray();
    float[] floatValues = new float[floatBits.length];
    for (int k = 0; k < floatBits.length; k++) {
      floatValues[k] = Float.intBitsToFloat((int) floatBits[k]);
    }
    return new OnnxAttribute(name, type, f, i, s, t, floatValues, ints.toArray());
  }

  float requireFloat() {
    if (f == null || (type != 0 && type != FLOAT)) {
      throw wrongKind("a float");
    }
    return f;
  }

  long requireInt() {
    if (i == null || (type != 0 && type != INT)) {
      throw wrongKind("an int");
    }
    return i;
  }

  String requireString() {
    if (s == null || (type != 0 && type != STRING)) {
      throw wrongKind("a string");
    }
    return new String(s, StandardCharsets.UTF_8);
  }

  long[] requireInts() {
    if (type != 0 && type != INTS) {
      throw wrongKind("ints");
    }
    return ints.clone();
  }

  float[] requireFloats() {
    if (type != 0 && type != FLOATS) {
      throw wrongKind("floats");
    }
    return floats.clone();
  }

  private OnnxFormatException wrongKind(String expected) {
    return new OnnxFormatException("attribute '" + name + "' is not " + expected + " (type " + type + ")");
  }
}
