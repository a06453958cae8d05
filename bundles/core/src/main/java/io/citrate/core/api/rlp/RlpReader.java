package io.citrate.core.api.rlp;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.util.Arrays;

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
    if (pos >= end) {
      throw new RlpException("unexpected end of input at offset " + pos);
    }
    return isList(pos);
  }

  /** Enters the next item, which must be a list, and returns a reader over its payload. */
  public RlpReader enterList() {
    int start = pos;
    long header = header(start);
    if (!isList(start)) {
      throw new RlpException("expected a list at offset " + start + ", found a string");
    }
    pos = payloadEnd(header);
    return new RlpReader(data, payloadStart(header), pos);
  }

  /** Reads the next item, which must be a byte string. */
  public byte[] readBytes() {
    long header = stringHeader();
    return Arrays.copyOfRange(data, payloadStart(header), payloadEnd(header));
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
    long header = stringHeader();
    int from = payloadStart(header);
    int to = payloadEnd(header);
    checkInteger(from, to, 8, what, at);
    long result = 0;
    for (int i = from; i < to; i++) {
      result = (result << 8) | (data[i] & 0xff);
    }
    return result;
  }

  /** Reads an unsigned integer of at most {@code maxBytes} bytes (32 for a 256-bit word). */
  public BigInteger readBigInteger(int maxBytes, String what) {
    int at = pos;
    long header = stringHeader();
    int from = payloadStart(header);
    int to = payloadEnd(header);
    checkInteger(from, to, maxBytes, what, at);
    return new BigInteger(1, data, from, to - from);
  }

  /** Reads the next item (string or list) and returns its full encoding, header included. */
  public byte[] readRaw() {
    int start = pos;
    pos = payloadEnd(header(start));
    return Arrays.copyOfRange(data, start, pos);
  }

  /** Skips the next item after validating its header. */
  public void skip() {
    pos = payloadEnd(header(pos));
  }

  /**
   * Reads the next item as a tree, validating every nested header. The tree's strings are slices of this
   * reader's input rather than copies, so the input must not change while the tree is in use.
   *
   * @throws RlpException also when lists nest deeper than {@link #MAX_NESTING_DEPTH}
   */
  public RlpItem readItem() {
    return new TreeReader().read(end, 0);
  }

  /** Reads one item's tree on this reader, rather than opening a reader per nested list. */
  private final class TreeReader {
    /**
     * Items of the lists still being read, innermost last. A finished list copies its run out at its exact
     * size, which costs less than sizing each list with a first pass over its headers.
     */
    private RlpItem[] pending = new RlpItem[16];
    private int pendingCount;

    /** Reads the item at {@code pos}, which must end by {@code limit}. */
    RlpItem read(int limit, int depth) {
      int start = pos;
      long header = header(start, limit);
      int payloadStart = payloadStart(header);
      int payloadEnd = payloadEnd(header);
      if (!isList(start)) {
        pos = payloadEnd;
        return RlpString.slice(data, payloadStart, payloadEnd - payloadStart);
      }
      if (depth >= MAX_NESTING_DEPTH) {
        throw new RlpException("lists nest deeper than " + MAX_NESTING_DEPTH + " levels at offset " + start);
      }
      pos = payloadStart;
      int first = pendingCount;
      while (pos < payloadEnd) {
        RlpItem item = read(payloadEnd, depth + 1);
        if (pendingCount == pending.length) {
          pending = Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = item;
      }
      RlpItem[] items = Arrays.copyOfRange(pending, first, pendingCount);
      pendingCount = first;
      return RlpList.wrap(items);
    }
  }

  /** Fails if anything is left in this reader's region. */
  public void ensureEnd() {
    if (pos != end) {
      throw new RlpException((end - pos) + " unexpected trailing byte(s) at offset " + pos);
    }
  }

  private void checkInteger(int from, int to, int maxBytes, String what, int at) {
    if (to - from > maxBytes) {
      throw new RlpException(what + " at offset " + at + " exceeds " + (maxBytes * 8) + " bits");
    }
    if (to > from && data[from] == 0) {
      throw new RlpException(what + " at offset " + at + " has leading zero bytes");
    }
  }

  private boolean isList(int itemStart) {
    return (data[itemStart] & 0xff) >= 0xc0;
  }

  /** Reads the header of the next item, which must be a string, and moves past the item. */
  private long stringHeader() {
    int start = pos;
    long header = header(start);
    if (isList(start)) {
      throw new RlpException("expected a string at offset " + start + ", found a list");
    }
    pos = payloadEnd(header);
    return header;
  }

  private long header(int itemStart) {
    return header(itemStart, end);
  }

  /**
   * Validates the header of the item at {@code itemStart}, whose payload must end by {@code limit}. The
   * payload bounds come back packed in a {@code long} (see {@link #payloadStart}, {@link #payloadEnd}) because
   * a record per item was the decoder's largest allocation.
   */
  private long header(int itemStart, int limit) {
    if (itemStart >= limit) {
      throw new RlpException("unexpected end of input at offset " + itemStart);
    }
    int prefix = data[itemStart] & 0xff;
    if (prefix < 0x80) {
      return packHeader(itemStart, itemStart + 1);
    }
    boolean list = prefix >= 0xc0;
    int shortOrLong = prefix - (list ? 0xc0 : 0x80);
    long length;
    int payloadStart;
    if (shortOrLong <= 55) {
      length = shortOrLong;
      payloadStart = itemStart + 1;
      if (!list && length == 1) {
        requireAvailable(itemStart, payloadStart, 1, limit);
        if ((data[payloadStart] & 0xff) < 0x80) {
          throw new RlpException(
              "non-canonical single byte below 0x80 wrapped in a string header at offset " + itemStart);
        }
      }
    } else {
      int lenBytes = shortOrLong - 55;
      requireAvailable(itemStart, itemStart + 1, lenBytes, limit);
      if (data[itemStart + 1] == 0) {
        throw new RlpException("length with leading zero bytes at offset " + itemStart);
      }
      if (lenBytes > 4) {
        throw new RlpException("length of " + lenBytes + " bytes at offset " + itemStart + " exceeds the input limit");
      }
      length = 0;
      for (int i = 0; i < lenBytes; i++) {
        length = (length << 8) | (data[itemStart + 1 + i] & 0xff);
      }
      if (length < 56) {
        throw new RlpException("long length form used for a payload of " + length + " bytes at offset " + itemStart);
      }
      payloadStart = itemStart + 1 + lenBytes;
    }
    requireAvailable(itemStart, payloadStart, length, limit);
    return packHeader(payloadStart, payloadStart + (int) length);
  }

  private static void requireAvailable(int itemStart, int from, long length, int limit) {
    if (length > limit - from) {
      throw new RlpException("item at offset " + itemStart + " declares " + length + " bytes but only "
          + Math.max(0, limit - from) + " remain");
    }
  }

  private static long packHeader(int payloadStart, int payloadEnd) {
    return ((long) payloadStart << 32) | payloadEnd;
  }

  private static int payloadStart(long header) {
    return (int) (header >>> 32);
  }

  private static int payloadEnd(long header) {
    return (int) header;
  }

  @Override
  public String toString() {
    return "RlpReader[" + Bytes.toHex(Arrays.copyOfRange(data, pos, end)) + "]";
  }
}
