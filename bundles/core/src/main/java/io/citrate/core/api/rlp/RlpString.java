package io.citrate.core.api.rlp;

import io.citrate.core.api.Bytes;
import java.util.Arrays;

/** An RLP byte string. */
public final class RlpString implements RlpItem {
  private final byte[] value;

  private RlpString(byte[] value) {
    this.value = value;
  }

  public static RlpString of(byte[] value) {
    return new RlpString(value.clone());
  }

  static RlpString wrap(byte[] value) {
    return new RlpString(value);
  }

  public byte[] value() {
    return value.clone();
  }

  public int length() {
    return value.length;
  }

  @Override
  public byte[] encode() {
    return Rlp.encodeBytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RlpString s && Arrays.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return Bytes.toHex(value);
  }
}
