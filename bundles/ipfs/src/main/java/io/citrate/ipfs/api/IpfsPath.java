package io.citrate.ipfs.api;

import io.citrate.ipfs.api.IpfsException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A content path: a root id and the names to follow from it, as {@code /ipfs/<cid>/a/b}, {@code <cid>/a/b} or
 * {@code ipfs://<cid>/a/b} write it. Segments are non-empty and are neither {@code .} nor {@code ..}; an empty
 * segment from a doubled or trailing slash is dropped, as Kubo does.
 */
public record IpfsPath(Cid root, List<String> segments) {
  /** Longest path accepted, in characters. */
  public static final int MAX_LENGTH = 4096;

  public IpfsPath {
    if (root == null) {
      throw new IpfsException(Kind.INVALID_PATH, "path has no root content id");
    }
    segments = List.copyOf(segments);
    for (String segment : segments) {
      checkSegment(segment);
    }
  }

  public static IpfsPath of(Cid root) {
    return new IpfsPath(root, List.of());
  }

  public static IpfsPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IpfsException(Kind.INVALID_PATH, "path is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IpfsException(Kind.INVALID_PATH,
          "path of " + text.length() + " characters, the limit is " + MAX_LENGTH);
    }
    String rest = text;
    if (rest.startsWith("ipfs://")) {
      rest = rest.substring("ipfs://".length());
    } else if (rest.startsWith("/ipfs/")) {
      rest = rest.substring("/ipfs/".length());
    } else if (rest.startsWith("/")) {
      throw new IpfsException(Kind.INVALID_PATH, "'" + text + "': only /ipfs/ paths are supported");
    }
    String[] parts = rest.split("/", -1);
    Cid root;
    try {
      root = Cid.parse(parts[0]);
    } catch (IpfsException e) {
      throw new IpfsException(Kind.INVALID_PATH, "'" + text + "': " + e.getMessage(), e);
    }
    List<String> segments = new ArrayList<>(parts.length - 1);
    for (int index = 1; index < parts.length; index++) {
      if (!parts[index].isEmpty()) {
        segments.add(parts[index]);
      }
    }
    return new IpfsPath(root, segments);
  }

  private static void checkSegment(String segment) {
    if (segment == null || segment.isEmpty()) {
      throw new IpfsException(Kind.INVALID_PATH, "path segment is empty");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new IpfsException(Kind.INVALID_PATH, "path segment '" + segment + "' is not allowed");
    }
    if (segment.indexOf('/') >= 0 || segment.indexOf('\0') >= 0) {
      throw new IpfsException(Kind.INVALID_PATH, "path segment contains '/' or NUL");
    }
  }

  /** {@code /ipfs/<root>/<segments…>}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("/ipfs/").append(root);
    for (String segment : segments) {
      text.append('/').append(segment);
    }
    return text.toString();
  }
}
