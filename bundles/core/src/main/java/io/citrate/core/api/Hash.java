package io.citrate.core.api;

import io.citrate.core.api.crypto.Keccak256;
import java.util.Arrays;

/** A 32-byte hash (Keccak-256 throughout Citrate). Immutable; ordered as unsigned bytes. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE]);
  /** Keccak-256 of the empty byte string. */
  public static final Hash EMPTY = Keccak256.hash(Bytes.EMPTY);
  /** Keccak-256 of the RLP empty list {@code 0xc0}: the hash of an empty list of uncles. */
  public static final Hash EMPTY_LIST = Keccak256.hash(new byte[] {(byte) 0xc0});
  /** Root of the empty Merkle Patricia Trie: Keccak-256 of the RLP empty string {@code 0x80}. */
  public static final Hash EMPTY_TRIE_ROOT = Keccak256.hash(new byte[] {(byte) 0x80});

  private final byte[] bytes;
  private int hashCode;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 32 long. */
  public static Hash wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; the caller must not modify them afterwards. */
  public static Hash wrapUnsafe(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes);
  }

  public static Hash fromHex(String hex) {
    return wrapUnsafe(Bytes.fromHex(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array; callers must not modify it. */
  public byte[] unsafeBytes() {
    return bytes;
  }

  public String toHex() {
    return Bytes.toHex(bytes);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    int h = hashCode;
    if (h == 0) {
      h = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
      hashCode = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
