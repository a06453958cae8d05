package io.citrate.core.api.rlp;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.util.List;

/**
 * RLP encoding, and strict decoding into an {@link RlpItem} tree. For typed decoding without building
 * a tree, use {@link RlpReader}.
 */
public final class Rlp {
  /** The encoding of the empty byte string, which is also the encoding of the integer 0. */
  public static final byte[] EMPTY_STRING = {(byte) 0x80};
  /** The encoding of the empty list. */
  public static final byte[] EMPTY_LIST = {(byte) 0xc0};

  private Rlp() {}

  public static byte[] encodeBytes(byte[] value) {
    return encodeBytes(value, 0, value.length);
  }

  /** Encodes {@code length} bytes of {@code value} from {@code offset}, for strings that are slices. */
  static byte[] encodeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < 0x80) {
      return new byte[] {value[offset]};
    }
    byte[] out = new byte[headerLength(length) + length];
    int pos = writeHeader(out, 0, 0x80, length);
    System.arraycopy(value, offset, out, pos, length);
    return out;
  }

  /** Encodes an unsigned 64-bit integer (as Java {@code long} bits) without leading zeros. */
  public static byte[] encodeLong(long value) {
    return encodeBytes(Bytes.minimalBigEndian(value));
  }

  /** Encodes a non-negative integer without leading zeros. */
  public static byte[] encodeBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    return encodeBytes(unsignedBytes(value));
  }

  /** Wraps already-encoded items in a list header. */
  public static byte[] encodeList(byte[]... encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) {
      payload += item.length;
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int pos = writeHeader(out, 0, 0xc0, payload);
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, pos, item.length);
      pos += item.length;
    }
    return out;
  }

  public static byte[] encodeList(List<byte[]> encodedItems) {
    return encodeList(encodedItems.toArray(new byte[0][]));
  }

  /**
   * Decodes exactly one item spanning all of {@code encoded}. The tree's strings are slices of
   * {@code encoded}, not copies, so it must not be modified afterwards.
   *
   * @throws RlpException if the input is not canonical RLP or has trailing bytes
   */
  public static RlpItem decode(byte[] encoded) {
    RlpReader reader = RlpReader.of(encoded);
    RlpItem item = reader.readItem();
    reader.ensureEnd();
    return item;
  }

  /** Length of the header for a payload of {@code payloadLength} bytes (strings of one byte below 0x80 aside). */
  public static int headerLength(int payloadLength) {
    if (payloadLength < 56) {
      return 1;
    }
    return 1 + byteLength(payloadLength);
  }

  /** Writes a string ({@code 0x80}) or list ({@code 0xc0}) header and returns the position after it. */
  public static int writeHeader(byte[] out, int pos, int base, int payloadLength) {
    if (payloadLength < 56) {
      out[pos] = (byte) (base + payloadLength);
      return pos + 1;
    }
    int lenBytes = byteLength(payloadLength);
    out[pos] = (byte) (base + 55 + lenBytes);
    for (int i = lenBytes; i > 0; i--) {
      out[pos + i] = (byte) payloadLength;
      payloadLength >>>= 8;
    }
    return pos + 1 + lenBytes;
  }

  static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) {
      return Bytes.EMPTY;
    }
    byte[] raw = value.toByteArray();
    return raw[0] == 0 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw;
  }

  private static int byteLength(int value) {
    return 4 - Integer.numberOfLeadingZeros(value) / 8;
  }
}
