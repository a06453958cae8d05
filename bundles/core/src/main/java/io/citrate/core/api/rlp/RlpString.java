package io.citrate.core.api.rlp;

import io.citrate.core.api.Bytes;
import java.util.Arrays;

/**
 * An RLP byte string. A decoded string is a slice of the decoder's input rather than a copy: copying
 * every string cost more than the rest of decoding, and a tree spans nearly all of its input anyway. A
 * string kept on its own does keep that whole input reachable; {@link #value()} returns an independent
 * array.
 */
public final class RlpString implements RlpItem {
  private final byte[] bytes;
  private final int offset;
  private final int length;

  private RlpString(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  public static RlpString of(byte[] value) {
    return new RlpString(value.clone(), 0, value.length);
  }

  /** Shares {@code bytes}, which nothing may modify afterwards. */
  static RlpString slice(byte[] bytes, int offset, int length) {
    return new RlpString(bytes, offset, length);
  }

  public byte[] value() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  public int length() {
    return length;
  }

  @Override
  public byte[] encode() {
    return Rlp.encodeBytes(bytes, offset, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RlpString s
        && Arrays.equals(bytes, offset, offset + length, s.bytes, s.offset, s.offset + s.length);
  }

  /** Equal to {@code Arrays.hashCode(value())}. */
  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  @Override
  public String toString() {
    return Bytes.toHex(value());
  }
}
