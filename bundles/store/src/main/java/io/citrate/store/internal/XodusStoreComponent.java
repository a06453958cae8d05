package io.citrate.store.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the node's one Xodus environment from configuration PID {@code io.citrate.store} (optional: the
 * defaults serve a devnet), registers it as the {@link KeyValueStore} service and publishes its metrics
 * as a {@link MetricSet} service with {@code citrate.metrics.prefix=citrate.store}. A configuration
 * change reopens the environment; deactivation closes it.
 */
@Component(service = KeyValueStore.class, configurationPid = XodusStoreComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfiguration.class)
public final class XodusStoreComponent implements KeyValueStore {
  static final String PID = "io.citrate.store";
  static final String METRICS_PREFIX_PROPERTY = "citrate.metrics.prefix";
  static final String METRICS_PREFIX = "citrate.store";

  private static final Logger LOG = LoggerFactory.getLogger(XodusStoreComponent.class);

  private final XodusKeyValueStore store;
  private final ServiceRegistration<MetricSet> metricsRegistration;

  @Activate
  public XodusStoreComponent(BundleContext context, StoreConfiguration configuration) {
    XodusStoreSettings settings = XodusStoreSettings.from(configuration, System.getProperty(XodusStoreSettings.KARAF_DATA_PROPERTY));
    MetricRegistry metrics = new MetricRegistry();
    this.store = new XodusKeyValueStore(settings, metrics);
    try {
      Dictionary<String, Object> properties = new Hashtable<>();
      properties.put(METRICS_PREFIX_PROPERTY, METRICS_PREFIX);
      this.metricsRegistration = context.registerService(MetricSet.class, metrics, properties);
    } catch (RuntimeException failure) {
      store.close();
      throw failure;
    }
    LOG.info("Store opened in {} (cache {}, durable writes {}, gc {})", store.directory(), settings.cacheSize(),
        settings.durableWrites(), settings.gcEnabled() ? "on at " + settings.gcMinUtilization() + "% utilization" : "off");
  }

  @Deactivate
  void deactivate() {
    try {
      metricsRegistration.unregister();
    } catch (IllegalStateException alreadyUnregistered) {
      LOG.debug("Store metrics were already unregistered", alreadyUnregistered);
    }
    store.close();
    LOG.info("Store in {} closed", store.directory());
  }

  @Override
  public void commit(WriteBatch batch) {
    store.commit(batch);
  }

  @Override
  public KeyValueSnapshot snapshot() {
    return store.snapshot();
  }

  @Override
  public StorageStatistics statistics() {
    return store.statistics();
  }

  @Override
  public CompactionResult compact() {
    return store.compact();
  }

  @Override
  public Optional<byte[]> get(StoreName name, byte[] key) {
    return store.get(name, key);
  }

  @Override
  public boolean contains(StoreName name, byte[] key) {
    return store.contains(name, key);
  }

  @Override
  public long count(StoreName name) {
    return store.count(name);
  }

  @Override
  public List<StoreName> storeNames() {
    return store.storeNames();
  }

  @Override
  public void scan(StoreName name, KeyRange range, EntryVisitor visitor) {
    store.scan(name, range, visitor);
  }

  @Override
  public void scanDescending(StoreName name, KeyRange range, EntryVisitor visitor) {
    store.scanDescending(name, range, visitor);
  }
}
