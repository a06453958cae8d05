package io.citrate.rpc.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.methods.SubscriptionHub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ethereum JSON-RPC over HTTP and WebSocket on one path: a POST of a request or a batch to {@code /} is answered
 * by the {@link JsonRpcProcessor}; a GET asking for a WebSocket upgrade there opens a connection whose messages the
 * same processor answers, with {@code eth_subscribe} besides ({@code ws://127.0.0.1:8545/} in the distribution).
 * Registered on the OSGi HTTP whiteboard, so Pax Web's Jetty serves it where {@code etc/org.ops4j.pax.web.cfg}
 * says. A request whose Host header is not allowed gets 403; browser pages get CORS headers, and WebSockets, only
 * from allowed origins ({@link HttpAccess}). A body over the configured size is refused before it is parsed. The
 * methods are those of the registered {@link JsonRpcNamespace} services that the configuration enables, each call
 * timed per method ({@link TimedMethodTable}; metrics under {@code citrate.rpc}).
 */
@Component(service = Servlet.class, configurationPid = "io.citrate.rpc",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {"osgi.http.whiteboard.servlet.pattern=/", "osgi.http.whiteboard.servlet.name=citrate-json-rpc"})
@Designate(ocd = RpcConfiguration.class)
public final class JsonRpcServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServlet.class);
  private static final String JSON = "application/json";
  private static final int PREFLIGHT_MAX_AGE_SECONDS = 600;

  private final transient RpcConfiguration configuration;
  private final transient JsonRpcMethods methods;
  private final transient MetricRegistry metrics = new MetricRegistry();
  private final transient JsonRpcProcessor processor;
  private final transient HttpAccess access;
  private final int maxBodyBytes;
  private final transient ServiceRegistration<MetricSet> metricsRegistration;
  private transient volatile SubscriptionHub hub;
  private transient WebSocketTransport webSockets;

  @Activate
  public JsonRpcServlet(RpcConfiguration configuration, BundleContext context) {
    this.configuration = configuration;
    Set<String> enabled = Arrays.stream(configuration.namespaces().split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    this.methods = new JsonRpcMethods(enabled);
    this.processor = new JsonRpcProcessor(new TimedMethodTable(methods, metrics), configuration.batch_max_requests());
    this.access = HttpAccess.of(configuration.host_allowlist(), configuration.cors_origins());
    this.maxBodyBytes = configuration.body_max_bytes();
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(MetricsServlet.PREFIX_PROPERTY, "citrate.rpc");
    this.metricsRegistration = context.registerService(MetricSet.class, metrics, properties);
  }

  /** The endpoint's metrics: per-method timers and error counters. */
  MetricRegistry metrics() {
    return metrics;
  }

  @Deactivate
  void deactivate() {
    metricsRegistration.unregister();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addNamespace(JsonRpcNamespace namespace) {
    methods.add(namespace);
  }

  void removeNamespace(JsonRpcNamespace namespace) {
    methods.remove(namespace);
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void setHub(SubscriptionHub hub) {
    this.hub = hub;
  }

  void unsetHub(SubscriptionHub hub) {
    if (this.hub == hub) {
      this.hub = null;
    }
  }

  @Override
  public void init() throws ServletException {
    try {
      webSockets = new WebSocketTransport(getServletContext(), configuration, (request, response) -> {
        SubscriptionHub current = hub;
        return current == null ? null
            : new JsonRpcWebSocket(current, methods, metrics, WebSocketLimits.of(configuration));
      });
    } catch (Exception e) {
      throw new ServletException("the WebSocket server could not start", e);
    }
  }

  @Override
  public void destroy() {
    try {
      webSockets.stop();
    } catch (Exception e) {
      LOG.warn("The WebSocket server did not stop cleanly", e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (!access.hostAllowed(request.getHeader("Host"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "invalid host specified");
      return;
    }
    super.service(request, response);
  }

  /** A WebSocket upgrade; any other GET is not JSON-RPC. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!webSockets.isUpgrade(request, response)) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "JSON-RPC takes POST, or a WebSocket upgrade");
      return;
    }
    if (!access.webSocketOriginAllowed(request.getHeader("Origin"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
      return;
    }
    SubscriptionHub current = hub;
    if (current == null || current.connections() >= configuration.ws_max_connections()) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many WebSocket connections");
      return;
    }
    webSockets.upgrade(request, response);
  }

  /** A CORS preflight: allowed origins may POST JSON. */
  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> origin = access.allowedOrigin(request.getHeader("Origin"));
    if (origin.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    allowOrigin(response, origin.get());
    response.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    String headers = request.getHeader("Access-Control-Request-Headers");
    response.setHeader("Access-Control-Allow-Headers", headers == null ? "Content-Type" : headers);
    response.setHeader("Access-Control-Max-Age", Integer.toString(PREFLIGHT_MAX_AGE_SECONDS));
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.allowedOrigin(request.getHeader("Origin")).ifPresent(origin -> allowOrigin(response, origin));
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

  private static void allowOrigin(HttpServletResponse response, String origin) {
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.addHeader("Vary", "Origin");
  }

  private static void write(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setContentType(JSON);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
