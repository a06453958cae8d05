package io.citrate.benchmarks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One keep-alive HTTP/1.1 connection to a JSON-RPC endpoint, used by one load-generator thread at a time.
 * Two clients: {@link SocketHttpConnection}, blocking sockets writing and parsing HTTP/1.1 directly, and the JDK's
 * {@link HttpClient}, whose CPU cost per request is about ten times higher (see the README): on a 2-core machine
 * that CPU is taken from the server being measured.
 */
interface HttpConnection extends AutoCloseable {
  /** How long connecting or waiting for a response may take before the request counts as failed. */
  Duration TIMEOUT = Duration.ofSeconds(10);

  /** POSTs a JSON body and returns the response body; any status other than 200 is an {@link IOException}. */
  byte[] post(byte[] body) throws IOException;

  @Override
  void close();

  /** The HTTP client that sends the load. */
  enum Client {
    SOCKET, JDK;

    /** A source of new connections to {@code endpoint}, each opened on its first request. */
    Supplier<HttpConnection> connections(URI endpoint) {
      return switch (this) {
        case SOCKET -> () -> new SocketHttpConnection(endpoint);
        case JDK -> {
          // One client for all threads: it keeps one connection per thread with a request in flight.
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(TIMEOUT).build();
          yield () -> new JdkHttpConnection(client, endpoint);
        }
      };
    }
  }

  /** A request through the JDK's {@link HttpClient}. */
  final class JdkHttpConnection implements HttpConnection {
    private final HttpClient client;
    private final URI endpoint;

    JdkHttpConnection(HttpClient client, URI endpoint) {
      this.client = client;
      this.endpoint = endpoint;
    }

    @Override
    public byte[] post(byte[] body) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<byte[]> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for " + endpoint);
      }
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
      }
      return response.body();
    }

    @Override
    public void close() {
      // The shared client keeps its pooled connection for the next thread.
    }
  }

  /** The start of a body, for an error message. */
  static String abbreviate(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return body.length > 200 ? text + "..." : text;
  }
}
