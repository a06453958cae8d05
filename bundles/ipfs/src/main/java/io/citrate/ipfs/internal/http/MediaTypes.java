package io.citrate.ipfs.internal.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Content types the gateway names: by a file name's extension for common types, else from the first bytes. */
final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/markdown; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("tar", "application/x-tar"),
      Map.entry("car", "application/vnd.ipld.car"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/vnd.microsoft.icon"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"));

  private MediaTypes() {}

  /** The type a common extension names, or null. */
  static String byExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether {@code head} is UTF-8 text without control characters other than tab, line feed, form feed and carriage
   * return. {@code truncated}: the content goes on, so a character cut at the end is not an error.
   */
  static boolean looksLikeText(byte[] head, boolean truncated) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer text = CharBuffer.allocate(head.length);
    ByteBuffer bytes = ByteBuffer.wrap(head);
    CoderResult result = decoder.decode(bytes, text, !truncated);
    if (result.isError() || (!truncated && bytes.hasRemaining())) {
      return false;
    }
    text.flip();
    while (text.hasRemaining()) {
      char c = text.get();
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
