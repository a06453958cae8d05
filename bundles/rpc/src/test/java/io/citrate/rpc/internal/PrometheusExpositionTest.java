package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

  @Test
  void gaugesCountersMetersTimersAndHistogramsInTheTextFormat() {
    MetricRegistry node = new MetricRegistry();
    node.register("head.number", (Gauge<Long>) () -> 42L);
    node.register("syncing", (Gauge<Boolean>) () -> true);
    node.register("name", (Gauge<String>) () -> "not a number");
    node.counter("blocks.rejected").inc(3);
    node.meter("transactions.accepted").mark(7);
    node.histogram("block.time.millis").update(1_000);
    MetricRegistry rpc = new MetricRegistry();
    rpc.timer("method.eth_blockNumber").update(2, TimeUnit.MILLISECONDS);

    String text = new PrometheusExposition().add("citrate.node", node.getMetrics())
        .add("citrate.rpc", rpc.getMetrics()).write();

    assertThat(text).contains(
        "# HELP citrate_node_head_number citrate.node.head.number\n"
            + "# TYPE citrate_node_head_number gauge\n"
            + "citrate_node_head_number 42\n",
        "# TYPE citrate_node_syncing gauge\ncitrate_node_syncing 1\n",
        "# TYPE citrate_node_blocks_rejected_total counter\ncitrate_node_blocks_rejected_total 3\n",
        "# TYPE citrate_node_transactions_accepted_total counter\ncitrate_node_transactions_accepted_total 7\n",
        "# TYPE citrate_node_block_time_millis summary\n",
        "citrate_node_block_time_millis{quantile=\"0.5\"} 1000\n",
        "citrate_node_block_time_millis_count 1\n",
        "# TYPE citrate_rpc_method_eth_blockNumber_seconds summary\n",
        "citrate_rpc_method_eth_blockNumber_seconds{quantile=\"0.99\"} 0.002\n",
        "citrate_rpc_method_eth_blockNumber_seconds_count 1\n");
    assertThat(text).doesNotContain("citrate_node_name");
    assertThat(text).endsWith("\n");
  }

  @Test
  void familiesAreSortedAndEachHasOneHelpAndType() {
    MetricRegistry registry = new MetricRegistry();
    registry.counter("b");
    registry.counter("a");
    String text = new PrometheusExposition().add("citrate.x", registry.getMetrics()).write();
    assertThat(text.indexOf("citrate_x_a_total")).isLessThan(text.indexOf("citrate_x_b_total"));
    assertThat(text.split("# TYPE citrate_x_a_total", -1)).hasSize(2);
  }

  @Test
  void aGaugeThatFailsIsLeftOutAndTheRestIsWritten() {
    MetricRegistry registry = new MetricRegistry();
    registry.register("broken", (Gauge<Long>) () -> {
      throw new IllegalStateException("store closed");
    });
    registry.counter("fine").inc();
    String text = new PrometheusExposition().add("citrate.store", registry.getMetrics()).write();
    assertThat(text).doesNotContain("broken").contains("citrate_store_fine_total 1\n");
  }

  @Test
  void namesAreSanitised() {
    assertThat(PrometheusExposition.sanitise("citrate.txpool.rejected.nonce-too-low"))
        .isEqualTo("citrate_txpool_rejected_nonce_too_low");
    assertThat(PrometheusExposition.sanitise("9lives")).isEqualTo("_9lives");
    assertThat(PrometheusExposition.sanitise("a:b_c")).isEqualTo("a:b_c");
  }
}
