package io.citrate.ipfs.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.Ipfs;
import io.citrate.ipfs.api.Pins;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.http.GatewayServlet;
import io.citrate.ipfs.internal.http.PinningApiServlet;
import io.citrate.ipfs.internal.pin.KuboPinBackend;
import io.citrate.ipfs.internal.pin.LocalPinBackend;
import io.citrate.ipfs.internal.pin.PinBackend;
import io.citrate.ipfs.internal.pin.PinManager;
import io.citrate.ipfs.internal.pin.PinSettings;
import io.citrate.ipfs.internal.pin.RemotePinBackend;
import io.citrate.store.api.KeyValueStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.PrototypeServiceFactory;
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
 * Assembles the IPFS bundle from PID {@code io.citrate.ipfs}: the blockstore on the node's key-value store, the pin
 * backends the configuration names with the pin manager over them, and publishes the {@link Ipfs} and {@link Pins}
 * services, the pin queue as a route of the node's Camel context ({@value #CAMEL_CONTEXT}), the gateway at
 * {@code /ipfs/*} and the Pinning Service API at {@code /pins} on the HTTP whiteboard (the node's HTTP port), and
 * the metrics with {@code citrate.metrics.prefix=citrate.ipfs}. A configuration that cannot work (a backend
 * without its URL, a replication target above the backends) stops activation with a message saying so.
 */
@Component(service = {}, immediate = true, configurationPid = IpfsComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IpfsConfiguration.class)
public final class IpfsComponent {
  static final String PID = "io.citrate.ipfs";
  static final String CAMEL_CONTEXT = "citrate-node";

  private static final String ROUTES_PROPERTY = "citrate.camel.context";
  private static final String METRICS_PREFIX_PROPERTY = "citrate.metrics.prefix";
  private static final String SERVLET_PATTERN = "osgi.http.whiteboard.servlet.pattern";
  private static final String SERVLET_NAME = "osgi.http.whiteboard.servlet.name";
  private static final Logger LOG = LoggerFactory.getLogger(IpfsComponent.class);

  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private final PinManager pins;

  @Activate
  public IpfsComponent(BundleContext context, IpfsConfiguration configuration, @Reference KeyValueStore store) {
    KeyValueBlockstore blocks = new KeyValueBlockstore(store);
    MetricRegistry registry = new MetricRegistry();
    this.pins = new PinManager(store, backends(configuration, blocks), settings(configuration), registry);
    try {
      IpfsService ipfs = new IpfsService(blocks, pins, new IpfsMetrics(registry, blocks),
          ImportOptions.kubo(configuration.import_cid_version()));
      registrations.add(context.registerService(Ipfs.class, ipfs, null));
      registrations.add(context.registerService(Pins.class, pins, null));
      registrations.add(context.registerService(MetricSet.class, registry,
          properties(METRICS_PREFIX_PROPERTY, "citrate.ipfs")));
      registrations.add(context.registerService(RoutesBuilder.class.getName(), new PinRoutes(pins),
          properties(ROUTES_PROPERTY, CAMEL_CONTEXT)));
      if (configuration.gateway_enabled()) {
        registrations.add(servlet(context, new GatewayServlet(blocks), "/ipfs/*", "citrate-ipfs-gateway"));
      }
      registrations.add(servlet(context, new PinningApiServlet(pins, tokens(configuration.pinning_api_tokens())),
          "/pins/*", "citrate-pinning-service-api"));
    } catch (RuntimeException failure) {
      deactivate();
      throw failure;
    }
    LOG.info("IPFS: blockstore {}, pin backends {}, replication target {}{}", blocks.statistics(),
        configuration.pin_backends(), configuration.pin_replication_target(),
        configuration.gateway_enabled() ? ", gateway at /ipfs/" : "");
  }

  @Deactivate
  void deactivate() {
    // First, so that the pin route, removed from the node's context below, has no retry waiting out its backoff.
    pins.close();
    for (ServiceRegistration<?> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyUnregistered) {
        LOG.debug("IPFS service was already unregistered", alreadyUnregistered);
      }
    }
    registrations.clear();
  }

  static List<PinBackend> backends(IpfsConfiguration configuration, KeyValueBlockstore blocks) {
    Set<String> names = new LinkedHashSet<>(list(configuration.pin_backends()));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("pin.backends is empty: name at least one of local, kubo, remote");
    }
    KuboPinBackend kubo = null;
    if (!configuration.kubo_api_url().isBlank()) {
      kubo = new KuboPinBackend(uri(configuration.kubo_api_url(), "kubo.api.url"),
          Duration.ofSeconds(configuration.kubo_timeout_seconds()), blocks);
    }
    Optional<BlockSource> fetchFrom = kubo != null && configuration.kubo_fetch_missing()
        ? Optional.of(kubo) : Optional.empty();
    List<PinBackend> backends = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "local" -> backends.add(new LocalPinBackend(blocks, fetchFrom));
        case "kubo" -> {
          if (kubo == null) {
            throw new IllegalArgumentException("pin.backends names kubo but kubo.api.url is empty");
          }
          backends.add(kubo);
        }
        case "remote" -> {
          if (configuration.remote_endpoint().isBlank()) {
            throw new IllegalArgumentException("pin.backends names remote but remote.endpoint is empty");
          }
          backends.add(new RemotePinBackend("remote", uri(configuration.remote_endpoint(), "remote.endpoint"),
              configuration.remote_token(), Duration.ofSeconds(configuration.remote_timeout_seconds())));
        }
        default -> throw new IllegalArgumentException(
            "pin.backends names '" + name + "'; the backends are local, kubo and remote");
      }
    }
    if (configuration.pin_replication_target() > backends.size()) {
      throw new IllegalArgumentException("pin.replication.target is " + configuration.pin_replication_target()
          + " but only " + backends.size() + " pin backend(s) are configured: " + names);
    }
    return backends;
  }

  static PinSettings settings(IpfsConfiguration configuration) {
    return new PinSettings(configuration.pin_replication_target(), configuration.retry_max_attempts(),
        Duration.ofMillis(configuration.retry_initial_delay_ms()), configuration.retry_backoff_multiplier(),
        Duration.ofMillis(configuration.retry_max_delay_ms()), configuration.pin_concurrency());
  }

  private static URI uri(String text, String key) {
    try {
      URI uri = URI.create(text.trim());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(key + " must be an http or https URL, not '" + text + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " is not a valid URL: '" + text + "'", e);
    }
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty())
        .collect(Collectors.toList());
  }

  private static Set<String> tokens(String commaSeparated) {
    return Set.copyOf(list(commaSeparated));
  }

  private static ServiceRegistration<?> servlet(BundleContext context, Servlet servlet, String pattern, String name) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(SERVLET_PATTERN, pattern);
    properties.put(SERVLET_NAME, name);
    return context.registerService(Servlet.class, servlet, properties);
  }

  private static Dictionary<String, Object> properties(String key, String value) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(key, value);
    return properties;
  }

  /** A route builder per Camel context that asks, as the node's context takes route builders (prototype scope). */
  private static final class PinRoutes implements PrototypeServiceFactory<RoutesBuilder> {
    private final PinManager pins;

    PinRoutes(PinManager pins) {
      this.pins = pins;
    }

    @Override
    public RoutesBuilder getService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration) {
      return pins.queueRoute();
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration, RoutesBuilder routes) {
      // The context that took the routes removes them itself when it lets the builder go.
    }
  }
}
