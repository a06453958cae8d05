package io.citrate.rpc.internal;

import java.io.IOException;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.websocket.api.WebSocketPolicy;
import org.eclipse.jetty.websocket.server.WebSocketServerFactory;
import org.eclipse.jetty.websocket.servlet.WebSocketCreator;

/**
 * Jetty's WebSocket server behind the JSON-RPC servlet, so {@code ws://host:port/} and HTTP POST share one path:
 * the servlet hands a GET that asks for an upgrade here once it has checked Host and Origin. Messages larger than
 * the configured size close the connection (1009), as does a connection idle for longer than the timeout.
 */
final class WebSocketTransport {
  private final WebSocketServerFactory factory;

  WebSocketTransport(ServletContext context, RpcConfiguration configuration, WebSocketCreator sockets)
      throws Exception {
    WebSocketPolicy policy = WebSocketPolicy.newServerPolicy();
    policy.setMaxTextMessageSize(configuration.ws_max_message_bytes());
    policy.setMaxBinaryMessageSize(configuration.ws_max_message_bytes());
    policy.setIdleTimeout(configuration.ws_idle_timeout_millis());
    this.factory = new WebSocketServerFactory(context, policy);
    factory.setCreator(sockets);
    factory.start();
  }

  boolean isUpgrade(HttpServletRequest request, HttpServletResponse response) {
    return factory.isUpgradeRequest(request, response);
  }

  /** Upgrades the connection; when that fails, the factory has written the HTTP error. */
  void upgrade(HttpServletRequest request, HttpServletResponse response) throws IOException {
    factory.acceptWebSocket(request, response);
  }

  /** Closes every connection and stops the factory. */
  void stop() throws Exception {
    factory.stop();
  }
}
