package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class MetricsServletTest {
  private final MetricsServlet servlet = new MetricsServlet(RpcSettings.defaults());
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  @Test
  void servesEveryRegisteredMetricSetUnderItsPrefix() throws Exception {
    MetricRegistry node = new MetricRegistry();
    node.register("head.number", (Gauge<Long>) () -> 12L);
    MetricRegistry pool = new MetricRegistry();
    pool.counter("rejected").inc(2);
    servlet.addMetricSet(node, Map.of(MetricsServlet.PREFIX_PROPERTY, "citrate.node"));
    servlet.addMetricSet(pool, Map.of(MetricsServlet.PREFIX_PROPERTY, "citrate.txpool"));

    HttpServletResponse response = ServletRequests.response(body);
    servlet.service(ServletRequests.request("GET", Map.of("Host", "127.0.0.1:8545"), ""), response);

    verify(response).setContentType("text/plain; version=0.0.4; charset=utf-8");
    assertThat(body.toString(StandardCharsets.UTF_8)).contains("citrate_node_head_number 12\n",
        "citrate_txpool_rejected_total 2\n");

    servlet.removeMetricSet(pool);
    assertThat(servlet.exposition()).contains("citrate_node_head_number").doesNotContain("citrate_txpool");
  }

  @Test
  void aMetricSetThatFailsDoesNotHideTheOthers() {
    MetricSet broken = () -> {
      throw new IllegalStateException("bundle stopping");
    };
    MetricRegistry node = new MetricRegistry();
    node.counter("blocks.rejected");
    servlet.addMetricSet(broken, Map.of(MetricsServlet.PREFIX_PROPERTY, "citrate.broken"));
    servlet.addMetricSet(node, Map.of(MetricsServlet.PREFIX_PROPERTY, "citrate.node"));
    assertThat(servlet.exposition()).contains("citrate_node_blocks_rejected_total 0\n");
  }

  @Test
  void aHostOutsideTheAllowListGets403() throws Exception {
    HttpServletResponse response = ServletRequests.response(body);
    servlet.service(ServletRequests.request("GET", Map.of("Host", "evil.example"), ""), response);
    verify(response).sendError(HttpServletResponse.SC_FORBIDDEN, "invalid host specified");
    assertThat(body.size()).isZero();
  }
}
