package io.citrate.store.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * A range of keys in unsigned byte order: from {@code start} inclusive to {@code end} exclusive, either
 * side possibly open. Immutable.
 */
public final class KeyRange {
  private static final KeyRange ALL = new KeyRange(null, null);

  private final byte[] start;
  private final byte[] end;

  private KeyRange(byte[] start, byte[] end) {
    this.start = start;
    this.end = end;
  }

  /** Every key. */
  public static KeyRange all() {
    return ALL;
  }

  /** Every key that starts with {@code prefix} (non-empty). */
  public static KeyRange prefix(byte[] prefix) {
    StoreLimits.checkKey(prefix);
    return new KeyRange(prefix.clone(), successorOfPrefix(prefix));
  }

  /** Keys from {@code start} inclusive to {@code end} exclusive; {@code start} must not be after {@code end}. */
  public static KeyRange between(byte[] start, byte[] end) {
    StoreLimits.checkKey(start);
    StoreLimits.checkKey(end);
    if (Arrays.compareUnsigned(start, end) > 0) {
      throw new InvalidStoreInputException("range start is after its end");
    }
    return new KeyRange(start.clone(), end.clone());
  }

  /** Keys from {@code start} inclusive to the last key. */
  public static KeyRange atLeast(byte[] start) {
    StoreLimits.checkKey(start);
    return new KeyRange(start.clone(), null);
  }

  /** Keys from the first key to {@code end} exclusive. */
  public static KeyRange below(byte[] end) {
    StoreLimits.checkKey(end);
    return new KeyRange(null, end.clone());
  }

  /** The inclusive lower bound, empty when the range is open below. */
  public Optional<byte[]> start() {
    return Optional.ofNullable(start).map(byte[]::clone);
  }

  /** The exclusive upper bound, empty when the range is open above. */
  public Optional<byte[]> end() {
    return Optional.ofNullable(end).map(byte[]::clone);
  }

  /** Whether {@code key} is at or after the start. */
  public boolean isAtOrAfterStart(byte[] key) {
    return start == null || Arrays.compareUnsigned(key, start) >= 0;
  }

  /** Whether {@code key} is before the end. */
  public boolean isBeforeEnd(byte[] key) {
    return end == null || Arrays.compareUnsigned(key, end) < 0;
  }

  public boolean contains(byte[] key) {
    return isAtOrAfterStart(key) && isBeforeEnd(key);
  }

  /** The smallest key greater than every key with this prefix, or null when there is none (all 0xff). */
  private static byte[] successorOfPrefix(byte[] prefix) {
    int last = prefix.length - 1;
    while (last >= 0 && prefix[last] == (byte) 0xff) {
      last--;
    }
    if (last < 0) {
      return null;
    }
    byte[] successor = Arrays.copyOf(prefix, last + 1);
    successor[last]++;
    return successor;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyRange range
        && Arrays.equals(start, range.start)
        && Arrays.equals(end, range.end);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(start) + Arrays.hashCode(end);
  }

  @Override
  public String toString() {
    return "[" + hex(start) + ", " + hex(end) + ")";
  }

  private static String hex(byte[] bound) {
    if (bound == null) {
      return "open";
    }
    StringBuilder text = new StringBuilder("0x");
    for (byte b : bound) {
      text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }
}
