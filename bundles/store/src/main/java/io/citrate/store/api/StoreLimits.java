package io.citrate.store.api;

/**
 * Limits every {@link KeyValueStore} enforces, and the checks behind them, so callers and
 * implementations agree on what is valid.
 */
public final class StoreLimits {
  /** Longest key, in bytes; keys are identifiers (hashes, heights, prefixes), not payloads. */
  public static final int MAX_KEY_SIZE = 1024;

  /** Largest value, in bytes; half of a Xodus log file, so any value fits in one file. */
  public static final int MAX_VALUE_SIZE = 4 * 1024 * 1024;

  private StoreLimits() {}

  /** Returns {@code key} when it is non-null, non-empty and at most {@link #MAX_KEY_SIZE} bytes. */
  public static byte[] checkKey(byte[] key) {
    if (key == null) {
      throw new InvalidStoreInputException("key is null");
    }
    if (key.length == 0) {
      throw new InvalidStoreInputException("key is empty");
    }
    if (key.length > MAX_KEY_SIZE) {
      throw new InvalidStoreInputException(
          "key is " + key.length + " bytes, the limit is " + MAX_KEY_SIZE);
    }
    return key;
  }

  /** Returns {@code value} when it is non-null and at most {@link #MAX_VALUE_SIZE} bytes; empty is fine. */
  public static byte[] checkValue(byte[] value) {
    if (value == null) {
      throw new InvalidStoreInputException("value is null");
    }
    if (value.length > MAX_VALUE_SIZE) {
      throw new InvalidStoreInputException(
          "value is " + value.length + " bytes, the limit is " + MAX_VALUE_SIZE);
    }
    return value;
  }

  static <T> T checkNotNull(T argument, String name) {
    if (argument == null) {
      throw new InvalidStoreInputException(name + " is null");
    }
    return argument;
  }
}
