package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.rpc.internal.methods.Namespaces;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class JsonRpcServletTest {
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  private JsonRpcServlet servlet(String corsOrigins) {
    RpcConfiguration configuration = RpcSettings.with(Map.of("cors_origins", corsOrigins));
    JsonRpcServlet servlet = new JsonRpcServlet(configuration, mock(BundleContext.class));
    for (JsonRpcNamespace namespace : Namespaces.of(devnet)) {
      servlet.addNamespace(namespace);
    }
    return servlet;
  }

  private String body() {
    return body.toString(StandardCharsets.UTF_8);
  }

  @Test
  void answersAPostFromTheLoopbackWithoutCorsHeadersByDefault() throws Exception {
    HttpServletResponse response = ServletRequests.response(body);
    servlet("").service(ServletRequests.request("POST",
        Map.of("Host", "127.0.0.1:8545", "Origin", "https://app.example"), CHAIN_ID), response);
    assertThat(body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x539\"}");
    verify(response, never()).setHeader(eq("Access-Control-Allow-Origin"), anyString());
  }

  @Test
  void aHostOutsideTheAllowListGets403AndNothingRuns() throws Exception {
    HttpServletResponse response = ServletRequests.response(body);
    servlet("*").service(ServletRequests.request("POST", Map.of("Host", "rebound.evil.example:8545"), CHAIN_ID),
        response);
    verify(response).sendError(HttpServletResponse.SC_FORBIDDEN, "invalid host specified");
    assertThat(body()).isEmpty();
  }

  @Test
  void anAllowedOriginGetsCorsHeadersOnItsAnswer() throws Exception {
    HttpServletResponse response = ServletRequests.response(body);
    servlet("https://app.example").service(ServletRequests.request("POST",
        Map.of("Host", "localhost:8545", "Origin", "https://app.example"), CHAIN_ID), response);
    verify(response).setHeader("Access-Control-Allow-Origin", "https://app.example");
    verify(response).addHeader("Vary", "Origin");
    assertThat(body()).contains("0x539");
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredAndOthersRefused() throws Exception {
    HttpServletResponse allowed = ServletRequests.response(body);
    servlet("*").service(ServletRequests.request("OPTIONS", Map.of("Host", "localhost", "Origin",
        "https://app.example", "Access-Control-Request-Headers", "content-type"), ""), allowed);
    verify(allowed).setHeader("Access-Control-Allow-Origin", "*");
    verify(allowed).setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    verify(allowed).setHeader("Access-Control-Allow-Headers", "content-type");
    verify(allowed).setStatus(HttpServletResponse.SC_NO_CONTENT);

    HttpServletResponse refused = ServletRequests.response(body);
    servlet("https://app.example").service(ServletRequests.request("OPTIONS",
        Map.of("Host", "localhost", "Origin", "https://evil.example"), ""), refused);
    verify(refused).setStatus(HttpServletResponse.SC_FORBIDDEN);
    verify(refused, never()).setHeader(eq("Access-Control-Allow-Origin"), anyString());
  }

  @Test
  void callsAreTimedIntoTheEndpointsMetrics() throws Exception {
    JsonRpcServlet servlet = servlet("");
    servlet.service(ServletRequests.request("POST", Map.of("Host", "localhost"), CHAIN_ID),
        ServletRequests.response(body));
    MetricsServlet metrics = new MetricsServlet(RpcSettings.defaults());
    metrics.addMetricSet(servlet.metrics(), Map.of(MetricsServlet.PREFIX_PROPERTY, "citrate.rpc"));
    assertThat(metrics.exposition()).contains("citrate_rpc_method_eth_chainId_seconds_count 1\n",
        "citrate_rpc_method_eth_chainId_errors_total 0\n");
  }
}
