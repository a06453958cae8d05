package io.citrate.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 POST over a blocking socket kept alive between requests: the request is written in one buffer, the
 * response read by its {@code Content-Length} or its chunks. A failed exchange closes the socket; the next request
 * opens a new one. Enough HTTP for a JSON-RPC endpoint, and cheap on the client's CPU.
 */
final class SocketHttpConnection implements HttpConnection {
  private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int BUFFER = 64 * 1024;

  private final InetSocketAddress address;
  private final byte[] requestHead;
  private final StringBuilder line = new StringBuilder();
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  SocketHttpConnection(URI endpoint) {
    String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
    address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    requestHead = ("POST " + path + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
        + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] post(byte[] body) throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      out.write(requestHead);
      out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      out.write(CRLF_CRLF);
      out.write(body);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket that failed: nothing more to do.
      }
      socket = null;
    }
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    try {
      opened.setTcpNoDelay(true);
      opened.connect(address, (int) TIMEOUT.toMillis());
      opened.setSoTimeout((int) TIMEOUT.toMillis());
      in = new BufferedInputStream(opened.getInputStream(), BUFFER);
      out = new BufferedOutputStream(opened.getOutputStream(), BUFFER);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    socket = opened;
  }

  private byte[] readResponse() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        throw new IOException("malformed header: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closing = value.contains("close");
        default -> { }
      }
    }
    byte[] body;
    if (chunked) {
      body = readChunked();
    } else if (length >= 0) {
      body = readExactly(Math.toIntExact(length));
    } else {
      body = in.readAllBytes();
      closing = true;
    }
    if (closing) {
      close();
    }
    if (status != 200) {
      throw new IOException("HTTP " + status + ": " + HttpConnection.abbreviate(body));
    }
    return body;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(BUFFER);
    while (true) {
      String sizeLine = readLine();
      int extension = sizeLine.indexOf(';');
      int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // Trailer fields: none that matter here.
        }
        return body.toByteArray();
      }
      body.write(readExactly(size));
      if (!readLine().isEmpty()) {
        throw new IOException("a chunk is longer than its declared size");
      }
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("connection closed after " + bytes.length + " of " + length + " body bytes");
    }
    return bytes;
  }

  /** A header line without its CRLF; ASCII. */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed in the response head");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }
}
