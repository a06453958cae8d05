package io.citrate.ipfs.internal.http;

import java.net.InetSocketAddress;
import java.net.URI;
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

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
