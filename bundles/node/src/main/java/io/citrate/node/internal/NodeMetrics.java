package io.citrate.node.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The node's metrics, under {@code citrate.node}: transactions accepted by the selected chain (a meter, so
 * rates per second over 1, 5 and 15 minutes give TPS), the time between consecutive chain blocks, blocks
 * rejected, chain events dropped for a full queue, and gauges for the pool size and the head's number.
 */
public final class NodeMetrics {
  private final Meter transactions;
  private final Histogram blockTimeMillis;
  private final Counter rejected;
  private final Counter eventsDropped;
  private final Meter chainBlocks;
  private long lastChainBlockTimestamp = -1;

  public NodeMetrics(MetricRegistry registry, IntSupplier poolSize, LongSupplier headNumber) {
    this.transactions = registry.meter("transactions.accepted");
    this.chainBlocks = registry.meter("blocks.chain");
    this.blockTimeMillis = registry.histogram("block.time.millis");
    this.rejected = registry.counter("blocks.rejected");
    this.eventsDropped = registry.counter("events.dropped");
    registry.register("txpool.size", (Gauge<Integer>) poolSize::getAsInt);
    registry.register("head.number", (Gauge<Long>) headNumber::getAsLong);
  }

  /** A chain block with timestamp {@code timestampMillis} became the head, accepting {@code count} transactions. */
  public synchronized void chainBlockCommitted(long timestampMillis, int count) {
    chainBlocks.mark();
    transactions.mark(count);
    if (lastChainBlockTimestamp >= 0 && timestampMillis >= lastChainBlockTimestamp) {
      blockTimeMillis.update(timestampMillis - lastChainBlockTimestamp);
    }
    lastChainBlockTimestamp = timestampMillis;
  }

  public void blockRejected() {
    rejected.inc();
  }

  public void eventDropped() {
    eventsDropped.inc();
  }
}
