package io.citrate.txpool.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.txpool.api.PoolState;
import io.citrate.txpool.api.TransactionPool;
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
 * Opens an empty pool once the node registers its {@link PoolState}, and publishes it as the
 * {@link TransactionPool} service and its metrics as a {@link MetricSet} service with
 * {@code citrate.metrics.prefix=citrate.txpool}. Limits come from PID {@code io.citrate.txpool} (optional:
 * the defaults serve a devnet). A configuration change or a new {@link PoolState} opens a new, empty pool;
 * transactions the node still wants it submits again.
 */
@Component(service = {}, immediate = true, configurationPid = TransactionPoolComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TransactionPoolConfiguration.class)
public final class TransactionPoolComponent {
  static final String PID = "io.citrate.txpool";
  static final String METRICS_PREFIX_PROPERTY = "citrate.metrics.prefix";
  static final String METRICS_PREFIX = "citrate.txpool";

  private static final Logger LOG = LoggerFactory.getLogger(TransactionPoolComponent.class);

  private final ServiceRegistration<MetricSet> metricsRegistration;
  private final ServiceRegistration<TransactionPool> poolRegistration;

  @Activate
  public TransactionPoolComponent(BundleContext context, @Reference(name = "state") PoolState state,
      TransactionPoolConfiguration configuration) {
    PoolSettings settings = PoolSettings.of(configuration);
    MetricRegistry metrics = new MetricRegistry();
    TransactionPoolService pool = new TransactionPoolService(state, settings, metrics);
    Dictionary<String, Object> metricsProperties = new Hashtable<>();
    metricsProperties.put(METRICS_PREFIX_PROPERTY, METRICS_PREFIX);
    this.metricsRegistration = context.registerService(MetricSet.class, metrics, metricsProperties);
    try {
      this.poolRegistration = context.registerService(TransactionPool.class, pool, new Hashtable<>());
    } catch (RuntimeException failure) {
      unregister(metricsRegistration);
      throw failure;
    }
    LOG.info("Transaction pool open for chain {}: {} transactions, {} bytes, {} per sender", state.chainId(),
        settings.capacity(), settings.maxBytes(), settings.senderCapacity());
  }

  @Deactivate
  void deactivate() {
    unregister(poolRegistration);
    unregister(metricsRegistration);
    LOG.info("Transaction pool closed");
  }

  private static void unregister(ServiceRegistration<?> registration) {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyUnregistered) {
      LOG.debug("Transaction pool service was already unregistered", alreadyUnregistered);
    }
  }
}
