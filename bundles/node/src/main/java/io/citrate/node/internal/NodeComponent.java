package io.citrate.node.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.consensus.api.Consensus;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.node.api.Node;
import io.citrate.node.internal.chain.ValidatorKeys;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.node.internal.production.BlockProducer;
import io.citrate.txpool.api.TransactionPool;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running node, once its chain, consensus and the pool are there: registers the node (the internal
 * {@link NodeService}, which {@code NodeRouting} puts on its routes and publishes as the {@link Node} service), the
 * block importer, and the node's metrics as a {@link MetricSet} with {@code citrate.metrics.prefix=citrate.node}.
 */
@Component(service = {}, immediate = true, configurationPid = ChainComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class NodeComponent {
  private static final Logger LOG = LoggerFactory.getLogger(NodeComponent.class);

  private final ServiceRegistration<NodeService> nodeRegistration;
  private final ServiceRegistration<MetricSet> metricsRegistration;
  private final ServiceRegistration<BlockImport> importRegistration;

  @Activate
  public NodeComponent(BundleContext context, @Reference ChainComponent chain, @Reference Consensus consensus,
      @Reference TransactionPool pool, NodeConfiguration configuration) {
    ProductionSettings production = new ProductionSettings(mode(configuration.production_mode()),
        configuration.production_interval_millis(), configuration.production_max_transactions());
    Optional<ValidatorKeys> keys = configuration.validator_key().isBlank() ? Optional.empty()
        : Optional.of(ValidatorKeys.fromSigningKey(PrivateKey.fromHex(configuration.validator_key().trim())));
    Optional<BlockProducer> producer = keys.map(validator -> new BlockProducer(chain.spec(), consensus, pool,
        chain.execution(), chain.store(), validator, System::currentTimeMillis,
        configuration.production_max_transactions()));
    MetricRegistry metrics = new MetricRegistry();
    NodeService node = new NodeService(chain.spec(), consensus, pool, chain.store(), chain.execution(), chain.head(), producer,
        production, metrics);
    int restored = node.restorePendingTransactions();
    Dictionary<String, Object> metricsProperties = new Hashtable<>();
    metricsProperties.put("citrate.metrics.prefix", "citrate.node");
    this.metricsRegistration = context.registerService(MetricSet.class, metrics, metricsProperties);
    this.importRegistration = context.registerService(BlockImport.class,
        new BlockImport(consensus, chain.execution()), new Hashtable<>());
    this.nodeRegistration = context.registerService(NodeService.class, node, new Hashtable<>());
    LOG.info("Node of {} running: head {} at {}, validator {}, production {}, {} pending transactions restored",
        chain.spec().name(), node.status().head(), node.status().headNumber(),
        keys.map(ValidatorKeys::address).map(Object::toString).orElse("none"), production.mode(), restored);
  }

  @Deactivate
  void deactivate() {
    nodeRegistration.unregister();
    importRegistration.unregister();
    metricsRegistration.unregister();
  }

  static ProductionSettings.Mode mode(String configured) {
    return switch (configured.trim().toLowerCase(Locale.ROOT)) {
      case "interval" -> ProductionSettings.Mode.INTERVAL;
      case "per-transaction" -> ProductionSettings.Mode.PER_TRANSACTION;
      case "off" -> ProductionSettings.Mode.OFF;
      default -> throw new IllegalArgumentException("production.mode must be interval, per-transaction or off, not \""
          + configured + "\"");
    };
  }
}
