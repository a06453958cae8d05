package io.citrate.ipfs.internal.http;

import java.util.Locale;

/**
 * One byte range of a Range header (RFC 9110 section 14), resolved against a size: {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. A header that is absent, malformed, in another unit or asks for several
 * ranges is answered with the whole content ({@link #WHOLE}), as RFC 9110 lets a server ignore Range; a range
 * that starts past the end is {@link #UNSATISFIABLE}. Numbers too large for a long are taken as "past the end".
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive, within the size
 */
record ByteRange(long first, long last) {
  static final ByteRange WHOLE = new ByteRange(-1, -1);
  static final ByteRange UNSATISFIABLE = new ByteRange(-2, -2);

  private static final String UNIT = "bytes=";

  static ByteRange parse(String header, long size) {
    if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith(UNIT)) {
      return WHOLE;
    }
    String spec = header.trim().substring(UNIT.length()).trim();
    int dash = spec.indexOf('-');
    if (spec.indexOf(',') >= 0 || dash < 0) {
      return WHOLE;
    }
    String from = spec.substring(0, dash).trim();
    String to = spec.substring(dash + 1).trim();
    if (from.isEmpty()) {
      if (!digits(to)) {
        return WHOLE;
      }
      long suffix = number(to);
      if (suffix == 0 || size == 0) {
        return UNSATISFIABLE;
      }
      return new ByteRange(Math.max(0, size - suffix), size - 1);
    }
    if (!digits(from) || !(to.isEmpty() || digits(to))) {
      return WHOLE;
    }
    long first = number(from);
    long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
    if (last < first) {
      return WHOLE;
    }
    if (first >= size) {
      return UNSATISFIABLE;
    }
    return new ByteRange(first, Math.min(last, size - 1));
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) < '0' || text.charAt(index) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Decimal digits as a long; past Long.MAX_VALUE, Long.MAX_VALUE (a position no content reaches). */
  private static long number(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
