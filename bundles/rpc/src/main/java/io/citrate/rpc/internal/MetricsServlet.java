package io.citrate.rpc.internal;

import com.codahale.metrics.MetricSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus scrapes {@code GET /metrics} on the JSON-RPC port: every {@link MetricSet} service the bundles
 * publish, named by its {@code citrate.metrics.prefix} service property, in the text exposition format. The Host
 * allow-list of the JSON-RPC endpoint applies here too.
 */
@Component(service = Servlet.class, configurationPid = "io.citrate.rpc",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    property = {"osgi.http.whiteboard.servlet.pattern=/metrics", "osgi.http.whiteboard.servlet.name=citrate-metrics"})
public final class MetricsServlet extends HttpServlet {
  static final String PREFIX_PROPERTY = "citrate.metrics.prefix";
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

  private final transient HttpAccess access;
  private final transient Map<MetricSet, String> metricSets = new ConcurrentHashMap<>();

  @Activate
  public MetricsServlet(RpcConfiguration configuration) {
    this.access = HttpAccess.of(configuration.host_allowlist(), configuration.cors_origins());
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addMetricSet(MetricSet metrics, Map<String, Object> properties) {
    Object prefix = properties.get(PREFIX_PROPERTY);
    metricSets.put(metrics, prefix == null ? "" : prefix.toString());
  }

  void removeMetricSet(MetricSet metrics) {
    metricSets.remove(metrics);
  }

  /** The exposition of every metric set registered now. */
  String exposition() {
    PrometheusExposition exposition = new PrometheusExposition();
    metricSets.forEach((metrics, prefix) -> {
      try {
        exposition.add(prefix, metrics.getMetrics());
      } catch (RuntimeException e) {
        // Another bundle's metric set: one that fails must not take the others' metrics with it.
        LOG.warn("Metrics under {} could not be read", prefix, e);
      }
    });
    return exposition.write();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!access.hostAllowed(request.getHeader("Host"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "invalid host specified");
      return;
    }
    byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
    response.setContentType(PrometheusExposition.CONTENT_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
