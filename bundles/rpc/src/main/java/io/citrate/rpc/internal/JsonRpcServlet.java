package io.citrate.rpc.internal;

import io.citrate.rpc.api.JsonRpcNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Ethereum JSON-RPC over HTTP: a POST of a request or a batch to {@code /} is answered by the
 * {@link JsonRpcProcessor}. Registered on the OSGi HTTP whiteboard, so Pax Web's Jetty serves it where
 * {@code etc/org.ops4j.pax.web.cfg} says. A body over the configured size is refused before it is parsed. The
 * methods are those of the registered {@link JsonRpcNamespace} services that the configuration enables.
 */
@Component(service = Servlet.class, configurationPid = "io.citrate.rpc",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {"osgi.http.whiteboard.servlet.pattern=/", "osgi.http.whiteboard.servlet.name=citrate-json-rpc"})
@Designate(ocd = RpcConfiguration.class)
public final class JsonRpcServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String JSON = "application/json";

  private final transient JsonRpcMethods methods;
  private final transient JsonRpcProcessor processor;
  private final int maxBodyBytes;

  @Activate
  public JsonRpcServlet(RpcConfiguration configuration) {
    Set<String> enabled = Arrays.stream(configuration.namespaces().split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    this.methods = new JsonRpcMethods(enabled);
    this.processor = new JsonRpcProcessor(methods, configuration.batch_max_requests());
    this.maxBodyBytes = configuration.body_max_bytes();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addNamespace(JsonRpcNamespace namespace) {
    methods.add(namespace);
  }

  void removeNamespace(JsonRpcNamespace namespace) {
    methods.remove(namespace);
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
