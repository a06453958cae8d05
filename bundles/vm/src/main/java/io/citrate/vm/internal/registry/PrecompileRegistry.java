package io.citrate.vm.internal.registry;

import io.citrate.core.api.Address;
import io.citrate.vm.api.MissingPrecompileException;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileSchedule;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The precompile whiteboard: tracks every registered {@link Precompile} service by its address and implementation
 * id, and answers which precompiles run for a block. That answer comes from the Cancun standard set and the
 * governance {@link PrecompileSchedule}, never from which services happen to be registered, so every node runs the
 * same code for the same block; a registration the schedule does not name never runs.
 */
@Component(service = PrecompileRegistry.class)
public final class PrecompileRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PrecompileRegistry.class);

  private record Key(Address address, String implementation) {}

  private final Map<Address, Precompile> standard = MainnetPrecompiles.cancun();
  private final Map<Key, Precompile> registered = new ConcurrentHashMap<>();
  private volatile PrecompileSchedule schedule;

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindPrecompile(Precompile precompile, Map<String, Object> properties) {
    Key key = key(properties);
    if (key == null) {
      LOG.warn("Ignoring precompile {}: it needs the properties {} (0x-prefixed 20-byte address) and {}",
          precompile.getClass().getName(), Precompile.ADDRESS, Precompile.IMPLEMENTATION);
      return;
    }
    registered.put(key, precompile);
    LOG.info("Precompile {} registered at {}", key.implementation(), key.address());
  }

  void unbindPrecompile(Precompile precompile, Map<String, Object> properties) {
    Key key = key(properties);
    if (key != null) {
      registered.remove(key, precompile);
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindSchedule(PrecompileSchedule schedule) {
    this.schedule = schedule;
  }

  void unbindSchedule(PrecompileSchedule schedule) {
    if (this.schedule == schedule) {
      this.schedule = null;
    }
  }

  /**
   * The precompiles that run in block {@code blockNumber}: the standard ones, overridden and extended by what the
   * schedule names for that block, in address order.
   *
   * @throws MissingPrecompileException if the schedule names an implementation no bundle registers
   */
  public Map<Address, Precompile> precompilesAt(long blockNumber) {
    Map<Address, Precompile> precompiles = new TreeMap<>(standard);
    PrecompileSchedule current = schedule;
    if (current != null) {
      for (Map.Entry<Address, String> active : new TreeMap<>(current.activeAt(blockNumber)).entrySet()) {
        Precompile precompile = registered.get(new Key(active.getKey(), active.getValue()));
        if (precompile == null) {
          throw new MissingPrecompileException(active.getKey(), active.getValue(), blockNumber);
        }
        precompiles.put(active.getKey(), precompile);
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(precompiles));
  }

  private static Key key(Map<String, Object> properties) {
    Object address = properties.get(Precompile.ADDRESS);
    Object implementation = properties.get(Precompile.IMPLEMENTATION);
    if (!(address instanceof String hex) || !(implementation instanceof String id) || id.isBlank()) {
      return null;
    }
    try {
      return new Key(Address.fromHex(hex), id);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
