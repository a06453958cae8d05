package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The multibase encodings content ids are written in: base58btc (CIDv0, and prefix {@code z}), RFC 4648 base32
 * without padding (prefix {@code b} lower case, the CIDv1 default; {@code B} upper case) and base16 ({@code f},
 * {@code F}).
 */
public final class Multibase {
  private static final char[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final char[] BASE16 = "0123456789abcdef".toCharArray();
  private static final int[] BASE58_VALUES = values(BASE58, false);
  private static final int[] BASE32_VALUES = values(BASE32, true);
  private static final int[] BASE16_VALUES = values(BASE16, true);

  private Multibase() {}

  private static int[] values(char[] alphabet, boolean ignoreCase) {
    int[] values = new int[128];
    Arrays.fill(values, -1);
    for (int index = 0; index < alphabet.length; index++) {
      values[alphabet[index]] = index;
      if (ignoreCase) {
        values[Character.toUpperCase(alphabet[index])] = index;
      }
    }
    return values;
  }

  /** {@code text} with its multibase prefix decoded; throws {@link IpfsException} INVALID_CID when it is not. */
  public static byte[] decode(String text) {
    if (text.isEmpty()) {
      throw new IpfsException(Kind.INVALID_CID, "empty multibase string");
    }
    String body = text.substring(1);
    switch (text.charAt(0)) {
      case 'z':
        return decodeBase58(body);
      case 'b':
        return decodeBase32(body, false);
      case 'B':
        return decodeBase32(body, true);
      case 'f':
      case 'F':
        return decodeBase16(body);
      default:
        throw new IpfsException(Kind.INVALID_CID,
            "unsupported multibase prefix '" + text.charAt(0) + "' (expected b, B, z, f or F)");
    }
  }

  public static String encodeBase58(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    // Repeated division of the big-endian number by 58; digits come out least significant first.
    byte[] number = Arrays.copyOf(bytes, bytes.length);
    char[] digits = new char[bytes.length * 2];
    int length = 0;
    int start = zeros;
    while (start < number.length) {
      int remainder = 0;
      for (int index = start; index < number.length; index++) {
        int value = (remainder << 8) | (number[index] & 0xFF);
        number[index] = (byte) (value / 58);
        remainder = value % 58;
      }
      digits[length++] = BASE58[remainder];
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    StringBuilder text = new StringBuilder(zeros + length);
    for (int index = 0; index < zeros; index++) {
      text.append('1');
    }
    for (int index = length - 1; index >= 0; index--) {
      text.append(digits[index]);
    }
    return text.toString();
  }

  public static byte[] decodeBase58(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] number = new byte[text.length()];
    int length = 0;
    for (int position = zeros; position < text.length(); position++) {
      int carry = digit(BASE58_VALUES, text.charAt(position), "base58btc");
      for (int index = 0; index < length; index++) {
        carry += (number[index] & 0xFF) * 58;
        number[index] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        number[length++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] bytes = new byte[zeros + length];
    for (int index = 0; index < length; index++) {
      bytes[bytes.length - 1 - index] = number[index];
    }
    return bytes;
  }

  /** Lower-case base32 without padding, without the multibase prefix. */
  public static String encodeBase32(byte[] bytes) {
    StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte value : bytes) {
      buffer = (buffer << 8) | (value & 0xFF);
      bits += 8;
      while (bits >= 5) {
        text.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      text.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return text.toString();
  }

  static byte[] decodeBase32(String text, boolean upper) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int position = 0; position < text.length(); position++) {
      char character = text.charAt(position);
      if (upper ? Character.isLowerCase(character) : Character.isUpperCase(character)) {
        throw new IpfsException(Kind.INVALID_CID, "base32 string mixes upper and lower case");
      }
      buffer = (buffer << 5) | digit(BASE32_VALUES, character, "base32");
      bits += 5;
      if (bits >= 8) {
        bytes.write((buffer >>> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
    if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
      throw new IpfsException(Kind.INVALID_CID, "base32 string has a malformed ending");
    }
    return bytes.toByteArray();
  }

  public static String encodeBase16(byte[] bytes) {
    char[] text = new char[bytes.length * 2];
    for (int index = 0; index < bytes.length; index++) {
      text[2 * index] = BASE16[(bytes[index] >>> 4) & 15];
      text[2 * index + 1] = BASE16[bytes[index] & 15];
    }
    return new String(text);
  }

  static byte[] decodeBase16(String text) {
    if (text.length() % 2 != 0) {
      throw new IpfsException(Kind.INVALID_CID, "base16 string has an odd number of digits");
    }
    byte[] bytes = new byte[text.length() / 2];
    for (int index = 0; index < bytes.length; index++) {
      bytes[index] = (byte) ((digit(BASE16_VALUES, text.charAt(2 * index), "base16") << 4)
          | digit(BASE16_VALUES, text.charAt(2 * index + 1), "base16"));
    }
    return bytes;
  }

  private static int digit(int[] values, char character, String encoding) {
    int value = character < 128 ? values[character] : -1;
    if (value < 0) {
      throw new IpfsException(Kind.INVALID_CID, "'" + character + "' is not a " + encoding + " digit");
    }
    return value;
  }
}
