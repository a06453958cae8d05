package io.citrate.ipfs.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string decoded strictly: {@code name=value} pairs joined by {@code &}, percent escapes of UTF-8 and
 * {@code +} for a blank. A malformed escape or bytes that are not UTF-8 are an {@link IllegalArgumentException},
 * so the request can be refused as the client's mistake, whatever the container would have made of it.
 */
final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  static QueryParameters parse(String query) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  /** Every value given for {@code name}, in order; empty when it is absent. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The first value given for {@code name}, or null. */
  String first(String name) {
    List<String> given = values.get(name);
    return given == null ? null : given.get(0);
  }

  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (c == '%') {
        if (index + 2 >= text.length()) {
          throw new IllegalArgumentException("a percent escape in the query is cut short");
        }
        int high = Character.digit(text.charAt(index + 1), 16);
        int low = Character.digit(text.charAt(index + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("'" + text.substring(index, index + 3) + "' in the query is not a "
              + "percent escape");
        }
        bytes.write(high << 4 | low);
        index += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("the query has a character that is not percent-encoded");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the query's percent escapes are not UTF-8", e);
    }
  }
}
