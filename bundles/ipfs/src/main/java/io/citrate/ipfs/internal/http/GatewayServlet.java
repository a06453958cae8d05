package io.citrate.ipfs.internal.http;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.car.CarWriter;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path and trustless gateway, mounted at {@code /ipfs/*}: {@code GET} and {@code HEAD} of
 * {@code /ipfs/<cid>[/path]} answer a file's bytes (single byte ranges), a directory's {@code index.html} or a
 * listing of it; with {@code ?format=raw} or {@code Accept: application/vnd.ipld.raw} the path's target block, with
 * {@code ?format=car} or {@code Accept: application/vnd.ipld.car} a CAR v1 of the blocks along the path and the
 * target's whole DAG (depth first, each block once: {@code dag-scope=all} only).
 *
 * <p>Content never changes under its id, so every answer is cacheable for a year and carries a strong ETag;
 * If-None-Match answers 304. A request for several ranges is answered with the whole file (200), which RFC 9110
 * allows. A block that turns out missing or corrupt after the status line was sent aborts the connection instead
 * of completing a truncated body.
 *
 * <p>Files are served on the node's JSON-RPC origin, so a page from IPFS must not be able to act as that origin:
 * deserialized answers carry {@code Content-Security-Policy: sandbox}, which gives the document an opaque origin of
 * its own (scripts may run, but not with the node's origin).
 */
public final class GatewayServlet extends HttpServlet {
  static final String IMMUTABLE = "public, max-age=29030400, immutable";
  static final String RAW_TYPE = "application/vnd.ipld.raw";
  static final String CAR_TYPE = "application/vnd.ipld.car";
  static final String CAR_RESPONSE_TYPE = CAR_TYPE + "; version=1; order=dfs; dups=n";
  static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups allow-downloads";
  private static final String INDEX = "index.html";
  private static final int SNIFF_BYTES = 512;
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);

  private final transient BlockSource blocks;
  private final transient UnixFsReader reader;

  /** {@code blocks}: where content comes from (verified reads). Identity ids are answered from themselves. */
  public GatewayServlet(BlockSource blocks) {
    this.blocks = cid -> cid.multihash().code() == Multihash.IDENTITY ? cid.multihash().digest() : blocks.get(cid);
    this.reader = new UnixFsReader(this.blocks);
  }

  private enum Format { DESERIALIZED, RAW, CAR }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      plain(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "the gateway answers GET and HEAD");
      return;
    }
    try {
      serve(request, response, method.equals("GET"));
    } catch (Refused e) {
      resetIfPossible(response);
      plain(request, response, e.status, e.getMessage());
    } catch (IpfsException e) {
      resetIfPossible(response);
      log(request, e);
      plain(request, response, statusOf(e), e.getMessage());
    }
  }

  /** An error replaces whatever headers were set for the content, caching ones above all. */
  private static void resetIfPossible(HttpServletResponse response) {
    if (!response.isCommitted()) {
      response.reset();
    }
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean sendBody)
      throws IOException {
    String pathInfo = request.getPathInfo();
    if (pathInfo == null || pathInfo.equals("/")) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "a content id is required: /ipfs/<cid>[/path]");
    }
    rejectDotSegments(request.getRequestURI());
    IpfsPath path = IpfsPath.parse("/ipfs" + pathInfo);
    QueryParameters query;
    try {
      query = QueryParameters.parse(request.getQueryString());
    } catch (IllegalArgumentException e) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }
    Format format = format(request, query);
    Resolution resolution = resolve(path);
    switch (format) {
      case RAW -> serveBlock(request, response, path, resolution, sendBody);
      case CAR -> serveCar(request, response, path, resolution, sendBody);
      default -> serveContent(request, response, path, resolution, pathInfo.endsWith("/"), sendBody);
    }
  }

  /**
   * A container may resolve {@code .} and {@code ..} before the servlet sees the path, so a request naming them
   * could silently be answered with other content; the gateway refuses them as it refuses them in the path.
   */
  private static void rejectDotSegments(String rawPath) {
    for (String segment : rawPath.split("/")) {
      String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "path segment '" + segment + "' is not allowed");
      }
    }
  }

  /** {@code ?format=} first, then the Accept header; with neither, the file or directory itself. */
  private static Format format(HttpServletRequest request, QueryParameters query) {
    String format = query.first("format");
    if (format != null) {
      switch (format) {
        case "raw" -> {
          return Format.RAW;
        }
        case "car" -> {
          checkCarScope(query);
          return Format.CAR;
        }
        default -> throw new Refused(HttpServletResponse.SC_BAD_REQUEST,
            "format '" + format + "' is not supported: raw or car, or none for the content itself");
      }
    }
    String accept = request.getHeader("Accept");
    if (accept != null) {
      for (String item : accept.split(",")) {
        String[] parts = item.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(RAW_TYPE)) {
          return Format.RAW;
        }
        if (type.equals(CAR_TYPE) && carVersionOne(parts)) {
          checkCarScope(query);
          return Format.CAR;
        }
      }
    }
    return Format.DESERIALIZED;
  }

  private static boolean carVersionOne(String[] mediaTypeParts) {
    for (int index = 1; index < mediaTypeParts.length; index++) {
      String parameter = mediaTypeParts[index].trim().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("version=") && !parameter.equals("version=1")) {
        return false;
      }
    }
    return true;
  }

  /** The whole DAG is the only scope this gateway writes; asking for less is refused rather than ignored. */
  private static void checkCarScope(QueryParameters query) {
    String scope = query.first("dag-scope");
    if (scope != null && !scope.equals("all")) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST,
          "dag-scope '" + scope + "' is not supported: CARs hold the whole DAG (dag-scope=all)");
    }
    if (query.first("entity-bytes") != null) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "entity-bytes is not supported: CARs hold the whole DAG");
    }
  }

  /**
   * The path followed one segment at a time: the id each segment names (X-Ipfs-Roots) and every block visited on
   * the way, HAMT shards included (what a CAR carries before the target's DAG).
   */
  private record Resolution(List<Cid> roots, List<Cid> visited) {
    Cid target() {
      return roots.get(roots.size() - 1);
    }
  }

  private Resolution resolve(IpfsPath path) {
    List<Cid> roots = new ArrayList<>();
    List<Cid> visited = new ArrayList<>();
    roots.add(path.root());
    visited.add(path.root());
    for (String segment : path.segments()) {
      Cid parent = roots.get(roots.size() - 1);
      List<Cid> step;
      try {
        step = reader.resolveBlocks(new IpfsPath(parent, List.of(segment)));
      } catch (IpfsException e) {
        if (e.kind() == Kind.INVALID_PATH) {
          // The path is well formed; the content just has no such entry (a segment under a file).
          throw new IpfsException(Kind.NOT_FOUND, path + ": " + e.getMessage(), e);
        }
        throw e;
      }
      visited.addAll(step.subList(1, step.size()));
      roots.add(step.get(step.size() - 1));
    }
    return new Resolution(List.copyOf(roots), List.copyOf(visited));
  }

  private void serveBlock(HttpServletRequest request, HttpServletResponse response, IpfsPath path,
      Resolution resolution, boolean sendBody) throws IOException {
    Cid target = resolution.target();
    byte[] block = blocks.get(target);
    String etag = quote(target + ".raw");
    immutable(response, path, resolution, etag);
    if (notModified(request, response, etag)) {
      return;
    }
    response.setContentType(RAW_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + target + ".bin\"");
    response.setContentLengthLong(block.length);
    if (sendBody) {
      response.getOutputStream().write(block);
    }
  }

  private void serveCar(HttpServletRequest request, HttpServletResponse response, IpfsPath path,
      Resolution resolution, boolean sendBody) throws IOException {
    Cid target = resolution.target();
    // The target must be here before 200 is promised; what is missing below it can only abort the stream.
    blocks.get(target);
    String etag = quote(path.segments().isEmpty() ? target + ".car"
        : target + ".car." + HexFormat.of().formatHex(sha256(path.toString()), 0, 8));
    immutable(response, path, resolution, etag);
    if (notModified(request, response, etag)) {
      return;
    }
    response.setContentType(CAR_RESPONSE_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + target + ".car\"");
    response.setHeader("Accept-Ranges", "none");
    if (!sendBody) {
      return;
    }
    List<Cid> visited = resolution.visited();
    OutputStream out = response.getOutputStream();
    try {
      CarWriter.write(target, visited.subList(0, visited.size() - 1), target, blocks, out);
    } catch (IpfsException e) {
      abort(request, response, e);
    }
  }

  private void serveContent(HttpServletRequest request, HttpServletResponse response, IpfsPath path,
      Resolution resolution, boolean trailingSlash, boolean sendBody) throws IOException {
    Cid target = resolution.target();
    if (target.codec() != Cid.DAG_PB && target.codec() != Cid.RAW) {
      throw new Refused(HttpServletResponse.SC_NOT_ACCEPTABLE, target + " is codec 0x"
          + Long.toHexString(target.codec()) + ", which is not a UnixFS file or directory: ask for ?format=raw or "
          + "?format=car");
    }
    UnixFsEntry entry = reader.stat(target);
    if (entry.type() == UnixFsEntry.Type.SYMLINK) {
      throw new Refused(HttpServletResponse.SC_NOT_IMPLEMENTED, path + " is a symbolic link, which this gateway "
          + "does not follow: ask for ?format=raw to see it");
    }
    if (!entry.isDirectory()) {
      String name = path.segments().isEmpty() ? "" : path.segments().get(path.segments().size() - 1);
      serveFile(request, response, path, resolution, target, entry.size(), name, sendBody);
      return;
    }
    UnixFsEntry index = index(target);
    if (index != null) {
      if (!trailingSlash) {
        String query = request.getQueryString();
        response.setHeader("Location", request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
        plain(request, response, HttpServletResponse.SC_MOVED_PERMANENTLY, "the directory is at its path with '/'");
        return;
      }
      serveFile(request, response, path, resolution, index.cid(), index.size(), INDEX, sendBody);
      return;
    }
    serveListing(request, response, path, resolution, sendBody);
  }

  /** The directory's index.html when it has one that is a file. */
  private UnixFsEntry index(Cid directory) {
    Cid index;
    try {
      index = reader.resolve(new IpfsPath(directory, List.of(INDEX)));
    } catch (IpfsException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
    UnixFsEntry entry = reader.stat(index);
    return entry.isDirectory() || entry.type() == UnixFsEntry.Type.SYMLINK ? null : entry;
  }

  private void serveFile(HttpServletRequest request, HttpServletResponse response, IpfsPath path,
      Resolution resolution, Cid file, long size, String name, boolean sendBody) throws IOException {
    String etag = quote(file.toString());
    immutable(response, path, resolution, etag);
    response.setHeader("Content-Security-Policy", SANDBOX);
    if (notModified(request, response, etag)) {
      return;
    }
    response.setContentType(contentType(name, file, size));
    response.setHeader("Accept-Ranges", "bytes");
    String ifRange = request.getHeader("If-Range");
    ByteRange range = ifRange == null || ifRange.trim().equals(etag)
        ? ByteRange.parse(request.getHeader("Range"), size) : ByteRange.WHOLE;
    if (range == ByteRange.UNSATISFIABLE) {
      response.setHeader("Content-Range", "bytes */" + size);
      plain(request, response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
          "the range is outside the file's " + size + " bytes");
      return;
    }
    long offset = 0;
    long length = size;
    if (range != ByteRange.WHOLE) {
      offset = range.first();
      length = range.last() - range.first() + 1;
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
    }
    response.setContentLengthLong(length);
    if (!sendBody || length == 0) {
      return;
    }
    OutputStream out = response.getOutputStream();
    try {
      reader.read(file, offset, length, out);
    } catch (IpfsException e) {
      abort(request, response, e);
    }
  }

  private void serveListing(HttpServletRequest request, HttpServletResponse response, IpfsPath path,
      Resolution resolution, boolean sendBody) throws IOException {
    Cid directory = resolution.target();
    String etag = quote("DirIndex-" + directory);
    immutable(response, path, resolution, etag);
    response.setHeader("Content-Security-Policy", SANDBOX);
    if (notModified(request, response, etag)) {
      return;
    }
    StringBuilder base = new StringBuilder(request.getContextPath()).append(request.getServletPath())
        .append('/').append(path.root());
    for (String segment : path.segments()) {
      base.append('/').append(encodeSegment(segment));
    }
    String title = escape(path.toString());
    StringBuilder html = new StringBuilder(4096)
        .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
        .append("</title></head>\n<body><h1>Index of ").append(title).append("</h1>\n<table>\n");
    if (!path.segments().isEmpty()) {
      html.append("<tr><td><a href=\"").append(escape(base.substring(0, base.lastIndexOf("/")))).append("/\">..</a>")
          .append("</td><td></td><td></td></tr>\n");
    }
    for (UnixFsEntry entry : reader.list(directory)) {
      String href = base + "/" + encodeSegment(entry.name()) + (entry.isDirectory() ? "/" : "");
      html.append("<tr><td><a href=\"").append(escape(href)).append("\">").append(escape(entry.name()))
          .append(entry.isDirectory() ? "/" : "").append("</a></td><td>")
          .append(entry.isDirectory() ? "" : Long.toString(entry.size())).append("</td><td><a href=\"")
          .append(escape(request.getContextPath() + request.getServletPath() + "/" + entry.cid())).append("\">")
          .append(entry.cid()).append("</a></td></tr>\n");
    }
    html.append("</table></body></html>\n");
    byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html; charset=utf-8");
    response.setContentLength(body.length);
    if (sendBody) {
      response.getOutputStream().write(body);
    }
  }

  /**
   * A block failed while the body was being written. Before anything was sent the answer becomes an error; after,
   * the only honest thing left is to break the connection, so the client sees a short body and not a whole one.
   */
  private static void abort(HttpServletRequest request, HttpServletResponse response, IpfsException e)
      throws IOException {
    if (!response.isCommitted()) {
      log(request, e);
      response.reset();
      plain(request, response, statusOf(e), e.getMessage());
      return;
    }
    LOG.error("Gateway response for {} aborted after its status was sent", request.getRequestURI(), e);
    // Thrown out of the servlet after the status line, this makes the container drop the connection.
    throw new IOException("response for " + request.getRequestURI() + " aborted: " + e.getMessage(), e);
  }

  /**
   * Server-side failures with their cause; content that is not valid UnixFS is the content's fault, one line; a
   * refused request or absent content is the client's business and not logged.
   */
  private static void log(HttpServletRequest request, IpfsException e) {
    switch (e.kind()) {
      case INVALID_CID, INVALID_PATH, NOT_FOUND -> { }
      case INVALID_DATA -> LOG.warn("Gateway request {}: {}", request.getRequestURI(), e.getMessage());
      default -> LOG.error("Gateway request {} failed", request.getRequestURI(), e);
    }
  }

  private static void immutable(HttpServletResponse response, IpfsPath path, Resolution resolution, String etag) {
    response.setHeader("Cache-Control", IMMUTABLE);
    response.setHeader("ETag", etag);
    StringBuilder ipfsPath = new StringBuilder("/ipfs/").append(path.root());
    for (String segment : path.segments()) {
      ipfsPath.append('/').append(encodeSegment(segment));
    }
    response.setHeader("X-Ipfs-Path", ipfsPath.toString());
    StringBuilder roots = new StringBuilder();
    for (Cid root : resolution.roots()) {
      roots.append(roots.length() == 0 ? "" : ",").append(root);
    }
    response.setHeader("X-Ipfs-Roots", roots.toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Vary", "Accept");
  }

  /** If-None-Match naming this ETag (or {@code *}): 304 with the headers already set and no body. */
  private static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
    String header = request.getHeader("If-None-Match");
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
      }
    }
    return false;
  }

  /** By the name's extension for common types; without one, UTF-8 text or else opaque bytes. */
  private String contentType(String name, Cid file, long size) throws IOException {
    String known = MediaTypes.byExtension(name);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream head = new ByteArrayOutputStream(SNIFF_BYTES);
    reader.read(file, 0, SNIFF_BYTES, head);
    return MediaTypes.looksLikeText(head.toByteArray(), size > SNIFF_BYTES)
        ? "text/plain; charset=utf-8" : "application/octet-stream";
  }

  private static int statusOf(IpfsException e) {
    return switch (e.kind()) {
      case INVALID_CID, INVALID_PATH -> HttpServletResponse.SC_BAD_REQUEST;
      case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
      case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
      default -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    };
  }

  private static void plain(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(body.length);
    if (!request.getMethod().equals("HEAD")) {
      response.getOutputStream().write(body);
    }
  }

  private static String quote(String tag) {
    return "\"" + tag + "\"";
  }

  /** A path segment percent-encoded as a URL path needs it (RFC 3986 pchar, UTF-8). */
  static String encodeSegment(String segment) {
    StringBuilder encoded = new StringBuilder(segment.length());
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A request the gateway refuses before touching content: the status and a message for the client. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
