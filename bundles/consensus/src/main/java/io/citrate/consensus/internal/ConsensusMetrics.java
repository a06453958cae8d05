package io.citrate.consensus.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.RuleViolation;
import java.util.List;
import java.util.Locale;

/**
 * Consensus metrics in a {@link MetricRegistry}, named without a prefix (the registry is published with
 * {@code citrate.metrics.prefix=citrate.consensus}). Rejections are also counted per rule, as
 * {@code blocks.rejected.<rule>} with the rule in kebab case ({@code blocks.rejected.bad-signature}).
 */
final class ConsensusMetrics {
  static final String ACCEPTED = "blocks.accepted";
  static final String REJECTED = "blocks.rejected";
  static final String ORPHANED = "blocks.orphaned";
  static final String DUPLICATES = "blocks.duplicate";
  static final String REDS = "blocks.red";
  static final String PROCESSING = "processing";
  static final String ORPHANS = "orphans";
  static final String TIPS = "tips";
  static final String SINK_BLUE_SCORE = "sink.blue.score";
  static final String CHAIN_HEIGHT = "chain.height";

  private static final List<String> GAUGES = List.of(ORPHANS, TIPS, SINK_BLUE_SCORE, CHAIN_HEIGHT);

  private final MetricRegistry registry;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter orphaned;
  private final Counter duplicates;
  private final Counter reds;
  private final Timer processing;

  ConsensusMetrics(MetricRegistry registry, Consensus consensus) {
    this.registry = registry;
    this.accepted = registry.counter(ACCEPTED);
    this.rejected = registry.counter(REJECTED);
    this.orphaned = registry.counter(ORPHANED);
    this.duplicates = registry.counter(DUPLICATES);
    this.reds = registry.counter(REDS);
    this.processing = registry.timer(PROCESSING);
    registry.gauge(ORPHANS, () -> (Gauge<Integer>) consensus::orphanCount);
    registry.gauge(TIPS, () -> (Gauge<Integer>) () -> consensus.tips().size());
    registry.gauge(SINK_BLUE_SCORE,
        () -> (Gauge<Long>) () -> consensus.ghostdagData(consensus.sink()).orElseThrow().blueScore());
    registry.gauge(CHAIN_HEIGHT, () -> (Gauge<Long>) consensus::selectedChainHeight);
  }

  /** Times one submission: the block and the orphans it releases. */
  Timer.Context startProcessing() {
    return processing.time();
  }

  void record(List<BlockOutcome> outcomes) {
    for (BlockOutcome outcome : outcomes) {
      if (outcome instanceof BlockOutcome.Accepted accepted) {
        this.accepted.inc();
        reds.inc(accepted.ghostdag().mergesetReds().size());
      } else if (outcome instanceof BlockOutcome.Rejected rejection) {
        rejected.inc();
        registry.counter(REJECTED + "." + ruleName(rejection.violation())).inc();
      } else if (outcome instanceof BlockOutcome.Orphaned) {
        orphaned.inc();
      } else if (outcome instanceof BlockOutcome.Duplicate) {
        duplicates.inc();
      }
    }
  }

  /** Removes the gauges, which read the store and would fail once it is closed. */
  void close() {
    GAUGES.forEach(registry::remove);
  }

  /** {@code BadSignature} becomes {@code bad-signature}. */
  static String ruleName(RuleViolation violation) {
    return violation.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
