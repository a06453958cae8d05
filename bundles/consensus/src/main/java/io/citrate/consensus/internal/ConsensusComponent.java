package io.citrate.consensus.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.store.api.KeyValueStore;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens consensus once the node's {@link KeyValueStore}, the network's {@link ConsensusGenesis} and the
 * node's {@link ExecutionStage} are registered, and publishes it as the {@link Consensus} service (with
 * {@code citrate.chain.id}) and its
 * metrics as a {@link MetricSet} service with {@code citrate.metrics.prefix=citrate.consensus}. Settings
 * come from PID {@code io.citrate.consensus} (optional: the defaults serve a devnet); a change reopens
 * consensus, as does a new store or genesis.
 */
@Component(service = {}, immediate = true, configurationPid = ConsensusComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ConsensusConfiguration.class)
public final class ConsensusComponent {
  static final String PID = "io.citrate.consensus";
  static final String METRICS_PREFIX_PROPERTY = "citrate.metrics.prefix";
  static final String METRICS_PREFIX = "citrate.consensus";
  static final String CHAIN_ID_PROPERTY = "citrate.chain.id";

  private static final Logger LOG = LoggerFactory.getLogger(ConsensusComponent.class);

  private final ConsensusService consensus;
  private final ServiceRegistration<MetricSet> metricsRegistration;
  private final ServiceRegistration<Consensus> consensusRegistration;

  @Activate
  public ConsensusComponent(BundleContext context, @Reference(name = "store") KeyValueStore store,
      @Reference(name = "genesis") ConsensusGenesis genesis, @Reference(name = "execution") ExecutionStage execution,
      ConsensusConfiguration configuration) {
    MetricRegistry metrics = new MetricRegistry();
    this.consensus = new ConsensusService(genesis, store, execution, configuration.orphan_capacity(),
        configuration.future_tolerance_millis(), System::currentTimeMillis, metrics);
    Dictionary<String, Object> metricsProperties = new Hashtable<>();
    metricsProperties.put(METRICS_PREFIX_PROPERTY, METRICS_PREFIX);
    this.metricsRegistration = context.registerService(MetricSet.class, metrics, metricsProperties);
    Dictionary<String, Object> consensusProperties = new Hashtable<>();
    consensusProperties.put(CHAIN_ID_PROPERTY, genesis.chainId());
    try {
      this.consensusRegistration = context.registerService(Consensus.class, consensus, consensusProperties);
    } catch (RuntimeException failure) {
      unregister(metricsRegistration);
      consensus.close();
      throw failure;
    }
    LOG.info("Consensus open for chain {} (genesis {}): sink {} at height {}, {} tips", genesis.chainId(),
        genesis.header().hash(), consensus.sink(), consensus.selectedChainHeight(), consensus.tips().size());
  }

  @Deactivate
  void deactivate() {
    unregister(consensusRegistration);
    unregister(metricsRegistration);
    consensus.close();
    LOG.info("Consensus for chain {} closed", consensus.genesis().chainId());
  }

  private static void unregister(ServiceRegistration<?> registration) {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyUnregistered) {
      LOG.debug("Consensus service was already unregistered", alreadyUnregistered);
    }
  }
}
