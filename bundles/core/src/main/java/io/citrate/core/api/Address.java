package io.citrate.core.api;

import io.citrate.core.api.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 20-byte account address. Immutable; ordered as unsigned bytes. Parsed from hex in any case, but a
 * mixed-case string must carry a correct EIP-55 checksum, so a mistyped address is caught rather than
 * silently funded.
 */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] bytes;
  private int hashCode;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 20 long. */
  public static Address wrap(byte[] bytes) {
    checkSize(bytes);
    return new Address(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; the caller must not modify them afterwards. */
  public static Address wrapUnsafe(byte[] bytes) {
    checkSize(bytes);
    return new Address(bytes);
  }

  /** The last 20 bytes of a 32-byte hash, as an address is derived from the Keccak-256 of a public key. */
  public static Address fromHashTail(Hash hash) {
    return new Address(Arrays.copyOfRange(hash.unsafeBytes(), Hash.SIZE - SIZE, Hash.SIZE));
  }

  /**
   * Parses 40 hex digits, with or without {@code 0x}. All-lower-case and all-upper-case input is taken
   * as is; mixed case must match the EIP-55 checksum.
   *
   * @throws IllegalArgumentException on a wrong length, a non-hex character or a wrong checksum
   */
  public static Address fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 2 * SIZE) {
      throw new IllegalArgumentException("an address is 40 hex digits, got " + digits.length() + ": "
          + Bytes.abbreviate(hex));
    }
    Address address = new Address(Bytes.fromHex(digits));
    if (isMixedCase(digits) && !digits.equals(address.checksumDigits())) {
      throw new IllegalArgumentException("address has a wrong EIP-55 checksum: " + hex);
    }
    return address;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array; callers must not modify it. */
  public byte[] unsafeBytes() {
    return bytes;
  }

  /** Lower-case hex with {@code 0x}. */
  public String toHex() {
    return Bytes.toHex(bytes);
  }

  /** Hex with {@code 0x} in EIP-55 mixed-case checksum form. */
  public String toChecksumHex() {
    return "0x" + checksumDigits();
  }

  private String checksumDigits() {
    String lower = Bytes.toHexNoPrefix(bytes);
    byte[] digest = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII)).unsafeBytes();
    char[] out = lower.toCharArray();
    for (int i = 0; i < out.length; i++) {
      int nibble = (digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      if (out[i] >= 'a' && nibble >= 8) {
        out[i] = (char) (out[i] - 'a' + 'A');
      }
    }
    return new String(out);
  }

  private static boolean isMixedCase(String digits) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    return lower && upper;
  }

  private static void checkSize(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    int h = hashCode;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hashCode = h;
    }
    return h;
  }

  /** The EIP-55 checksum form, as wallets and explorers show it. */
  @Override
  public String toString() {
    return toChecksumHex();
  }
}
