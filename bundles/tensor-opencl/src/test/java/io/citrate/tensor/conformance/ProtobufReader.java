package io.citrate.tensor.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A cursor over protobuf wire format: tags, varints, fixed-width values and length-delimited fields. Every read
 * checks the bounds of the message it is in, so a truncated or corrupt file fails with {@link OnnxFormatException}
 * naming the offset, never with an index error.
 */
final class ProtobufReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private final int end;
  private int position;
  private int lastTag;

  ProtobufReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtobufReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** Parses a whole file as one {@code messageName}; errors name the file and the message. */
  static <T> T parseFile(Path file, String messageName, Function<ProtobufReader, T> parser) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxFormatException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parser.apply(new ProtobufReader(bytes));
    } catch (OnnxFormatException e) {
      throw new OnnxFormatException(file + ": malformed " + messageName + ": " + e.getMessage(), e);
    }
  }

  boolean hasMore() {
    return position < end;
  }

  /** Reads the next tag; {@link #fieldNumber()} and {@link #wireType()} then describe it. */
  void readTag() {
    long tag = readVarint();
    if (tag <= 0 || tag > 0xFFFF_FFFFL || (tag >>> 3) == 0) {
      throw malformed("invalid field tag " + tag);
    }
    lastTag = (int) tag;
  }

  int fieldNumber() {
    return lastTag >>> 3;
  }

  int wireType() {
    return lastTag & 7;
  }

  long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw malformed("truncated varint");
      }
      byte b = bytes[position++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw malformed("varint longer than 10 bytes");
  }

  int readFixed32() {
    require(4);
    int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8 | (bytes[position + 2] & 0xFF) << 16
        | (bytes[position + 3] & 0xFF) << 24;
    position += 4;
    return value;
  }

  long readFixed64() {
    long low = readFixed32() & 0xFFFF_FFFFL;
    long high = readFixed32() & 0xFFFF_FFFFL;
    return low | high << 32;
  }

  /** The payload of a length-delimited field as a reader of its own, and skips past it here. */
  ProtobufReader readMessage() {
    int length = readLength();
    ProtobufReader inner = new ProtobufReader(bytes, position, position + length);
    position += length;
    return inner;
  }

  byte[] readBytes() {
    int length = readLength();
    byte[] copy = new byte[length];
    System.arraycopy(bytes, position, copy, 0, length);
    position += length;
    return copy;
  }

  String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  /** Skips the value of the field whose tag was just read. */
  void skipField() {
    switch (wireType()) {
      case VARINT -> readVarint();
      case FIXED64 -> {
        require(8);
        position += 8;
      }
      case LENGTH_DELIMITED -> {
        int length = readLength();
        position += length;
      }
      case FIXED32 -> {
        require(4);
        position += 4;
      }
      default -> throw malformed("unsupported wire type " + wireType() + " for field " + fieldNumber());
    }
  }

  /** Fails unless the field just read has the wire type the schema gives it. */
  void expectWireType(int expected, String field) {
    if (wireType() != expected) {
      throw malformed("field " + field + " (" + fieldNumber() + ") has wire type " + wireType() + ", expected "
          + expected);
    }
  }

  /** Appends a repeated varint field, packed or not, to {@code target}. */
  void readRepeatedVarint(LongList target, String field) {
    if (wireType() == LENGTH_DELIMITED) {
      ProtobufReader packed = readMessage();
      while (packed.hasMore()) {
        target.add(packed.readVarint());
      }
    } else {
      expectWireType(VARINT, field);
      target.add(readVarint());
    }
  }

  /** Appends a repeated fixed32 field, packed or not, as raw bits. */
  void readRepeatedFixed32(LongList target, String field) {
    if (wireType() == LENGTH_DELIMITED) {
      ProtobufReader packed = readMessage();
      if ((packed.end - packed.position) % 4 != 0) {
        throw malformed("packed " + field + " length is not a multiple of 4");
      }
      while (packed.hasMore()) {
        target.add(packed.readFixed32());
      }
    } else {
      expectWireType(FIXED32, field);
      target.add(readFixed32());
    }
  }

  /** Appends a repeated fixed64 field, packed or not, as raw bits. */
  void readRepeatedFixed64(LongList target, String field) {
    if (wireType() == LENGTH_DELIMITED) {
      ProtobufReader packed = readMessage();
      if ((packed.end - packed.position) % 8 != 0) {
        throw malformed("packed " + field + " length is not a multiple of 8");
      }
      while (packed.hasMore()) {
        target.add(packed.readFixed64());
      }
    } else {
      expectWireType(FIXED64, field);
      target.add(readFixed64());
    }
  }

  OnnxFormatException malformed(String why) {
    return new OnnxFormatException(why + " at byte " + position);
  }

  private int readLength() {
    if (wireType() != LENGTH_DELIMITED) {
      throw malformed("field " + fieldNumber() + " has wire type " + wireType() + ", expected length-delimited");
    }
    long length = readVarint();
    if (length < 0 || length > end - position) {
      throw malformed("length " + length + " runs past the end of the message (" + (end - position) + " left)");
    }
    return (int) length;
  }

  private void require(int count) {
    if (end - position < count) {
      throw malformed("truncated fixed-width value");
    }
  }

  /** A growable list of longs, so repeated numeric fields are not boxed. */
  static final class LongList {
    private long[] values = new long[8];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
