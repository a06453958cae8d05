package io.citrate.core.api;

import java.util.Arrays;

/** Byte-array helpers: hex conversion, concatenation, unsigned comparison. */
public final class Bytes {
  public static final byte[] EMPTY = new byte[0];

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String toHex(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Lower-case hex without prefix. */
  public static String toHexNoPrefix(byte[] bytes) {
    return toHex(bytes).substring(2);
  }

  /**
   * Decodes hex with or without a {@code 0x} prefix.
   *
   * @throws IllegalArgumentException on an odd length or a non-hex character
   */
  public static byte[] fromHex(String hex) {
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    int len = hex.length() - start;
    if ((len & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits: " + abbreviate(hex));
    }
    byte[] out = new byte[len / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = hexDigit(hex.charAt(start + 2 * i));
      int lo = hexDigit(hex.charAt(start + 2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex string: " + abbreviate(hex));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Value of an ASCII hex digit, or -1; unlike {@link Character#digit} it rejects non-ASCII digits. */
  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  public static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] part : parts) {
      len += part.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, pos, part.length);
      pos += part.length;
    }
    return out;
  }

  /** Lexicographic comparison of bytes as unsigned values. */
  public static int compareUnsigned(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** Big-endian bytes of {@code value} with leading zero bytes removed (0 is the empty array). */
  public static byte[] minimalBigEndian(long value) {
    if (value == 0) {
      return EMPTY;
    }
    int len = 8 - Long.numberOfLeadingZeros(value) / 8;
    byte[] out = new byte[len];
    for (int i = len - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** Left-pads {@code bytes} with zeros to {@code size}; fails if it is longer. */
  public static byte[] leftPad(byte[] bytes, int size) {
    if (bytes.length > size) {
      throw new IllegalArgumentException("value of " + bytes.length + " bytes does not fit in " + size);
    }
    if (bytes.length == size) {
      return bytes;
    }
    byte[] out = new byte[size];
    System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
    return out;
  }

  /** Removes leading zero bytes. */
  public static byte[] trimLeadingZeros(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] == 0) {
      i++;
    }
    return i == 0 ? bytes : Arrays.copyOfRange(bytes, i, bytes.length);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
