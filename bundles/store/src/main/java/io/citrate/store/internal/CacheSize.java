package io.citrate.store.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Size of the Xodus log cache: a percentage of the maximum heap or an absolute number of bytes. */
record CacheSize(int heapPercent, long bytes) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*(%|MB|GB)");

  CacheSize {
    if ((heapPercent == 0) == (bytes == 0)) {
      throw new IllegalArgumentException("a cache size is either a heap percentage or a number of bytes");
    }
  }

  static CacheSize ofHeapPercent(int percent) {
    if (percent < 1 || percent > 90) {
      throw new IllegalArgumentException("cache size must be 1% to 90% of the heap, got " + percent + "%");
    }
    return new CacheSize(percent, 0);
  }

  static CacheSize ofBytes(long bytes) {
    if (bytes < 1024 * 1024) {
      throw new IllegalArgumentException("cache size must be at least 1MB, got " + bytes + " bytes");
    }
    return new CacheSize(0, bytes);
  }

  /** Parses {@code 25%}, {@code 512MB} or {@code 2GB}. */
  static CacheSize parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "cache size '" + text + "' is neither a heap percentage (25%) nor a size (512MB, 2GB)");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "%" -> ofHeapPercent((int) Math.min(amount, Integer.MAX_VALUE));
      case "MB" -> ofBytes(amount * 1024 * 1024);
      default -> ofBytes(amount * 1024 * 1024 * 1024);
    };
  }

  boolean isHeapPercent() {
    return heapPercent > 0;
  }

  @Override
  public String toString() {
    return isHeapPercent() ? heapPercent + "% of heap" : bytes / (1024 * 1024) + "MB";
  }
}
