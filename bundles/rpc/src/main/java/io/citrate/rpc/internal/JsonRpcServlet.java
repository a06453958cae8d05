package io.citrate.rpc.internal;

import io.citrate.node.api.Node;
import io.citrate.rpc.internal.methods.StandardMethods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Ethereum JSON-RPC over HTTP: a POST of a request or a batch to {@code /} is answered by the
 * {@link JsonRpcProcessor}. Registered on the OSGi HTTP whiteboard, so Pax Web's Jetty serves it where
 * {@code etc/org.ops4j.pax.web.cfg} says. A body over the configured size is refused before it is parsed.
 */
@Component(service = Servlet.class, configurationPid = "io.citrate.rpc",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {"osgi.http.whiteboard.servlet.pattern=/", "osgi.http.whiteboard.servlet.name=citrate-json-rpc"})
@Designate(ocd = RpcConfiguration.class)
public final class JsonRpcServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String JSON = "application/json";

  private final transient JsonRpcProcessor processor;
  private final int maxBodyBytes;

  @Activate
  public JsonRpcServlet(@Reference Node node, RpcConfiguration configuration) {
    String version = FrameworkUtil.getBundle(JsonRpcServlet.class) == null ? "dev"
        : FrameworkUtil.getBundle(JsonRpcServlet.class).getVersion().toString();
    this.processor = new JsonRpcProcessor(StandardMethods.of(node, version), configuration.batch_max_requests());
    this.maxBodyBytes = configuration.body_max_bytes();
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      write(response, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,"
          + "\"message\":\"request body exceeds " + maxBodyBytes + " bytes\"}}");
      return;
    }
    Optional<String> answer = processor.process(body);
    if (answer.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    write(response, answer.get());
  }

  private static void write(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setContentType(JSON);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
