package io.citrate.vm.internal.state;

import io.citrate.core.api.Bytes;
import io.citrate.vm.internal.evm.Words;

/** An immutable 256-bit word: a storage key or value, or a transient storage slot. */
public final class Word {
  public static final int SIZE = 32;
  public static final Word ZERO = new Word(0, 0, 0, 0);

  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;

  private Word(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** The word whose limbs start at {@code limbs[index]} (see {@link Words}). */
  public static Word of(long[] limbs, int index) {
    long a = limbs[index], b = limbs[index + 1], c = limbs[index + 2], d = limbs[index + 3];
    return (a | b | c | d) == 0 ? ZERO : new Word(a, b, c, d);
  }

  public static Word of(long value) {
    return value == 0 ? ZERO : new Word(value, 0, 0, 0);
  }

  /** Up to 32 big-endian bytes, left-padded. */
  public static Word fromBytes(byte[] bigEndian) {
    if (bigEndian.length > 32) {
      throw new IllegalArgumentException("a word holds at most 32 bytes, got " + bigEndian.length);
    }
    long[] limbs = new long[4];
    Words.fromBytes(Bytes.leftPad(bigEndian, 32), 0, 32, limbs, 0);
    return of(limbs, 0);
  }

  public void writeTo(long[] limbs, int index) {
    limbs[index] = l0;
    limbs[index + 1] = l1;
    limbs[index + 2] = l2;
    limbs[index + 3] = l3;
  }

  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  public byte[] toBytes32() {
    byte[] out = new byte[32];
    Words.toBytes(new long[] {l0, l1, l2, l3}, 0, out, 0);
    return out;
  }

  public byte[] toMinimalBytes() {
    return Bytes.trimLeadingZeros(toBytes32());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Word w && w.l0 == l0 && w.l1 == l1 && w.l2 == l2 && w.l3 == l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0) * 31 * 31 * 31 + Long.hashCode(l1) * 31 * 31 + Long.hashCode(l2) * 31 + Long.hashCode(l3);
  }

  @Override
  public String toString() {
    return Bytes.toHex(toBytes32());
  }

}
