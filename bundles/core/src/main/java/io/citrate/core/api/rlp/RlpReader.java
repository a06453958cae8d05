package io.citrate.core.api.rlp;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict cursor over RLP input. Each read checks that the item is canonical: single bytes below
 * {@code 0x80} are not wrapped, lengths use the shortest form without leading zeros, and payloads stay
 * inside their enclosing list. Integer reads additionally reject leading zero bytes.
 *
 * <p>A reader covers one region (the whole input, or the payload of one list); {@link #ensureEnd()}
 * fails if anything is left in it.
 */
public final class RlpReader {
  /**
   * Deepest list nesting {@link #readItem()} accepts. Nothing Citrate decodes nests more than a few
   * levels; the bound keeps hostile input from exhausting the stack.
   */
  public static final int MAX_NESTING_DEPTH = 1024;

  private final byte[] data;
  private final int end;
  private int pos;

  private RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.pos = start;
    this.end = end;
  }

  public static RlpReader of(byte[] encoded) {
    return new RlpReader(encoded, 0, encoded.length);
  }

  public boolean hasNext() {
    return pos < end;
  }

  /** Position in the underlying input, for error messages and raw slices. */
  public int position() {
    return pos;
  }

  /** True if the next item is a list. */
  public boolean nextIsList() {
    requireMore();
    return (data[pos] & 0xff) >= 0xc0;
  }

  /** Enters the next item, which must be a list, and returns a reader over its payload. */
  public RlpReader enterList() {
    Header h = header();
    if (!h.list) {
      throw new RlpException("expected a list at offset " + h.start + ", found a string");
    }
    pos = h.payloadEnd();
    return new RlpReader(data, h.payloadStart, h.payloadEnd());
  }

  /** Reads the next item, which must be a byte string. */
  public byte[] readBytes() {
    Header h = header();
    if (h.list) {
      throw new RlpException("expected a string at offset " + h.start + ", found a list");
    }
    pos = h.payloadEnd();
    return Arrays.copyOfRange(data, h.payloadStart, h.payloadEnd());
  }

  /** Reads a byte string of exactly {@code length} bytes. */
  public byte[] readBytes(int length, String what) {
    int at = pos;
    byte[] value = readBytes();
    if (value.length != length) {
      throw new RlpException(what + " at offset " + at + " must be " + length + " bytes, got " + value.length);
    }
    return value;
  }

  /** Reads an unsigned integer of at most 64 bits, returned as the bits of a {@code long}. */
  public long readLong(String what) {
    int at = pos;
    byte[] value = readBytes();
    checkInteger(value, 8, what, at);
    long result = 0;
    for (byte b : value) {
      result = (result << 8) | (b & 0xff);
    }
    return result;
  }

  /** Reads an unsigned integer of at most {@code maxBytes} bytes (32 for a 256-bit word). */
  public BigInteger readBigInteger(int maxBytes, String what) {
    int at = pos;
    byte[] value = readBytes();
    checkInteger(value, maxBytes, what, at);
    return new BigInteger(1, value);
  }

  /** Reads the next item (string or list) and returns its full encoding, header included. */
  public byte[] readRaw() {
    Header h = header();
    pos = h.payloadEnd();
    return Arrays.copyOfRange(data, h.start, h.payloadEnd());
  }

  /** Skips the next item after validating its header. */
  public void skip() {
    pos = header().payloadEnd();
  }

  /**
   * Reads the next item as a tree, validating every nested header.
   *
   * @throws RlpException also when lists nest deeper than {@link #MAX_NESTING_DEPTH}
   */
  public RlpItem readItem() {
    return readItem(0);
  }

  private RlpItem readItem(int depth) {
    Header h = header();
    pos = h.payloadEnd();
    if (!h.list) {
      return RlpString.wrap(Arrays.copyOfRange(data, h.payloadStart, h.payloadEnd()));
    }
    if (depth >= MAX_NESTING_DEPTH) {
      throw new RlpException("lists nest deeper than " + MAX_NESTING_DEPTH + " levels at offset " + h.start);
    }
    RlpReader inner = new RlpReader(data, h.payloadStart, h.payloadEnd());
    List<RlpItem> items = new ArrayList<>();
    while (inner.hasNext()) {
      items.add(inner.readItem(depth + 1));
    }
    return RlpList.of(items);
  }

  /** Fails if anything is left in this reader's region. */
  public void ensureEnd() {
    if (pos != end) {
      throw new RlpException((end - pos) + " unexpected trailing byte(s) at offset " + pos);
    }
  }

  private void requireMore() {
    if (pos >= end) {
      throw new RlpException("unexpected end of input at offset " + pos);
    }
  }

  private static void checkInteger(byte[] value, int maxBytes, String what, int at) {
    if (value.length > maxBytes) {
      throw new RlpException(what + " at offset " + at + " exceeds " + (maxBytes * 8) + " bits");
    }
    if (value.length > 0 && value[0] == 0) {
      throw new RlpException(what + " at offset " + at + " has leading zero bytes");
    }
  }

  private Header header() {
    requireMore();
    int start = pos;
    int prefix = data[pos] & 0xff;
    if (prefix < 0x80) {
      return new Header(start, start, 1, false);
    }
    boolean list = prefix >= 0xc0;
    int base = list ? 0xc0 : 0x80;
    int shortOrLong = prefix - base;
    long length;
    int payloadStart;
    if (shortOrLong <= 55) {
      length = shortOrLong;
      payloadStart = start + 1;
      if (!list && length == 1) {
        requireAvailable(start, payloadStart, 1);
        if ((data[payloadStart] & 0xff) < 0x80) {
          throw new RlpException("non-canonical single byte below 0x80 wrapped in a string header at offset " + start);
        }
      }
    } else {
      int lenBytes = shortOrLong - 55;
      requireAvailable(start, start + 1, lenBytes);
      if (data[start + 1] == 0) {
        throw new RlpException("length with leading zero bytes at offset " + start);
      }
      if (lenBytes > 4) {
        throw new RlpException("length of " + lenBytes + " bytes at offset " + start + " exceeds the input limit");
      }
      length = 0;
      for (int i = 0; i < lenBytes; i++) {
        length = (length << 8) | (data[start + 1 + i] & 0xff);
      }
      if (length < 56) {
        throw new RlpException("long length form used for a payload of " + length + " bytes at offset " + start);
      }
      payloadStart = start + 1 + lenBytes;
    }
    requireAvailable(start, payloadStart, length);
    return new Header(start, payloadStart, (int) length, list);
  }

  private void requireAvailable(int itemStart, int from, long length) {
    if (length > end - from) {
      throw new RlpException("item at offset " + itemStart + " declares " + length + " bytes but only "
          + Math.max(0, end - from) + " remain");
    }
  }

  private record Header(int start, int payloadStart, int payloadLength, boolean list) {
    int payloadEnd() {
      return payloadStart + payloadLength;
    }
  }

  @Override
  public String toString() {
    return "RlpReader[" + Bytes.toHex(Arrays.copyOfRange(data, pos, end)) + "]";
  }
}
