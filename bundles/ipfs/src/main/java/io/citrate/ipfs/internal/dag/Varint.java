package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The multiformats unsigned varint (LEB128, at most 9 bytes, 63 bits) that CIDs, multihashes and CAR sections use,
 * and protobuf's varint (up to 10 bytes, 64 bits) that dag-pb and UnixFS use. Decoding refuses non-minimal
 * encodings where the format demands minimal ones, so one value has one encoding.
 */
public final class Varint {
  /** Most bytes of a multiformats varint. */
  public static final int MAX_MULTIFORMAT_BYTES = 9;

  private Varint() {}

  /** Bytes {@code value} (treated as unsigned) takes as a varint. */
  public static int size(long value) {
    int bytes = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  /** Writes {@code value} (treated as unsigned) into {@code target} at {@code offset}; returns the new offset. */
  public static int write(long value, byte[] target, int offset) {
    while ((value & ~0x7FL) != 0) {
      target[offset++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    target[offset++] = (byte) value;
    return offset;
  }

  public static void write(long value, ByteArrayOutputStream out) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  public static byte[] encode(long value) {
    byte[] bytes = new byte[size(value)];
    write(value, bytes, 0);
    return bytes;
  }

  /**
   * A multiformats varint at {@code cursor.position} of {@code bytes}, advancing the cursor: minimal, at most
   * {@value #MAX_MULTIFORMAT_BYTES} bytes, so at most 2^63 - 1.
   */
  public static long readMultiformat(byte[] bytes, Cursor cursor, String what) {
    long value = 0;
    for (int index = 0; index < MAX_MULTIFORMAT_BYTES; index++) {
      if (cursor.position >= bytes.length) {
        throw new IpfsException(Kind.INVALID_DATA, what + ": varint runs past the end");
      }
      int next = bytes[cursor.position++] & 0xFF;
      value |= (long) (next & 0x7F) << (7 * index);
      if ((next & 0x80) == 0) {
        if (next == 0 && index > 0) {
          throw new IpfsException(Kind.INVALID_DATA, what + ": varint is not minimally encoded");
        }
        return value;
      }
    }
    throw new IpfsException(Kind.INVALID_DATA, what + ": varint longer than " + MAX_MULTIFORMAT_BYTES + " bytes");
  }

  /**
   * A multiformats varint read from {@code in}; -1 when the stream ends before its first byte (a clean end), an
   * {@link IpfsException} when it ends inside it.
   */
  public static long readMultiformat(InputStream in, String what) throws IOException {
    long value = 0;
    for (int index = 0; index < MAX_MULTIFORMAT_BYTES; index++) {
      int next = in.read();
      if (next < 0) {
        if (index == 0) {
          return -1;
        }
        throw new IpfsException(Kind.INVALID_DATA, what + ": truncated inside a varint");
      }
      value |= (long) (next & 0x7F) << (7 * index);
      if ((next & 0x80) == 0) {
        if (next == 0 && index > 0) {
          throw new IpfsException(Kind.INVALID_DATA, what + ": varint is not minimally encoded");
        }
        return value;
      }
    }
    throw new IpfsException(Kind.INVALID_DATA, what + ": varint longer than " + MAX_MULTIFORMAT_BYTES + " bytes");
  }

  /** A protobuf varint (up to 10 bytes, all 64 bits) at the cursor, advancing it. */
  public static long readProtobuf(byte[] bytes, Cursor cursor, String what) {
    long value = 0;
    for (int index = 0; index < 10; index++) {
      if (cursor.position >= bytes.length) {
        throw new IpfsException(Kind.INVALID_DATA, what + ": varint runs past the end");
      }
      int next = bytes[cursor.position++] & 0xFF;
      if (index == 9 && next > 1) {
        throw new IpfsException(Kind.INVALID_DATA, what + ": varint overflows 64 bits");
      }
      value |= (long) (next & 0x7F) << (7 * index);
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new IpfsException(Kind.INVALID_DATA, what + ": varint longer than 10 bytes");
  }

  /** A read position in a byte array. */
  public static final class Cursor {
    public int position;

    public Cursor(int position) {
      this.position = position;
    }
  }
}
