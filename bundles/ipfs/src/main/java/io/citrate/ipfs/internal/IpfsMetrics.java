package io.citrate.ipfs.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;

/**
 * The blockstore's and the importer's metrics (Prometheus names under {@code citrate.ipfs}): blocks and bytes
 * stored, stored blocks found damaged on reading and blocks refused for not matching their ids, imports and their
 * bytes, collections and what they removed. The pin queue adds its own ({@code pins.*}).
 */
final class IpfsMetrics {
  private final Counter imports;
  private final Counter importedBytes;
  private final Counter collections;
  private final Counter collectedBlocks;
  private final Counter collectedBytes;

  IpfsMetrics(MetricRegistry registry, KeyValueBlockstore blocks) {
    registry.gauge("blockstore.blocks", () -> (Gauge<Long>) () -> blocks.statistics().blocks());
    registry.gauge("blockstore.bytes", () -> (Gauge<Long>) () -> blocks.statistics().bytes());
    registry.gauge("blockstore.corrupt.reads", () -> (Gauge<Long>) blocks::corruptReads);
    registry.gauge("blockstore.rejected.blocks", () -> (Gauge<Long>) blocks::rejectedBlocks);
    this.imports = registry.counter("imports");
    this.importedBytes = registry.counter("imports.bytes");
    this.collections = registry.counter("gc.runs");
    this.collectedBlocks = registry.counter("gc.blocks.removed");
    this.collectedBytes = registry.counter("gc.bytes.removed");
  }

  void imported(ImportResult result) {
    imports.inc();
    importedBytes.inc(result.contentBytes());
  }

  void collected(GcResult result) {
    collections.inc();
    collectedBlocks.inc(result.blocksRemoved());
    collectedBytes.inc(result.bytesRemoved());
  }
}
