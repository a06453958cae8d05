package io.citrate.ipfs.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** An embedded Jetty on a free loopback port serving one servlet under {@code mount} (such as /ipfs/*). */
final class JettyServer implements AutoCloseable {
  private final Server server;
  private final URI base;

  JettyServer(HttpServlet servlet, String mount) throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(servlet), mount);
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  /** {@code path} (already encoded) on this server, taken as it is: dot segments are not removed here. */
  URI uri(String path) {
    return URI.create(base + path);
  }

  /**
   * The status code answered to a request sent as written, over a plain socket: for targets java.net.URI refuses
   * to build, such as malformed percent escapes.
   */
  int rawStatus(String method, String target, String... headerLines) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: ").append(base.getAuthority()).append("\r\nConnection: close\r\n");
      for (String line : headerLines) {
        request.append(line).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
