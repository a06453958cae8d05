package io.citrate.vm.internal.registry;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileRegistry;
import io.citrate.vm.api.PrecompileSchedule;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The precompile whiteboard: tracks every {@link Precompile} service by its address and implementation id, and
 * answers per block from the {@link PrecompileSchedule} which of them run. Only the schedule decides, so the
 * answer is the same whatever order bundles started in.
 *
 * <p>Two services with the same address and implementation id make that implementation ambiguous: neither runs,
 * and a block that needs it is refused ({@link PrecompileUnavailableException}) until one is gone. Picking one
 * by service ranking or id would depend on this node's install history, and could run different code than
 * other nodes under the same id.
 *
 * <p>Until governance registers a schedule there is none to follow, and blocks run Ethereum's precompiles only.
 * The distribution has no schedule yet; once governance provides one, the executor has to wait for it before
 * running blocks, since a node that runs them without it skips the activations.
 */
@Component(service = PrecompileRegistry.class)
public final class WhiteboardPrecompileRegistry implements PrecompileRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(WhiteboardPrecompileRegistry.class);
  private static final Comparator<PrecompileActivation> BY_ADDRESS_THEN_HEIGHT =
      Comparator.comparing(PrecompileActivation::address).thenComparingLong(PrecompileActivation::activationHeight);

  private record Implementation(Address address, String id) {}

  private final Map<Address, Precompile> ethereumPrecompiles;
  /** Registered services by address and id, each entry keyed by service id and guarded for the VM. */
  private final ConcurrentHashMap<Implementation, Map<Long, Precompile>> registered = new ConcurrentHashMap<>();
  private final AtomicReference<PrecompileSchedule> schedule = new AtomicReference<>();

  @Activate
  public WhiteboardPrecompileRegistry() {
    this(MainnetPrecompiles.cancun());
  }

  WhiteboardPrecompileRegistry(Map<Address, Precompile> ethereumPrecompiles) {
    this.ethereumPrecompiles = Collections.unmodifiableMap(new TreeMap<>(ethereumPrecompiles));
  }

  @Reference(name = "precompile", service = Precompile.class, cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, updated = "updatedPrecompile")
  void bindPrecompile(Precompile precompile, Map<String, Object> properties) {
    Implementation implementation = implementationOf(properties);
    if (implementation == null) {
      return;
    }
    long serviceId = serviceId(properties);
    Precompile guarded = new GuardedPrecompile(implementation.id(), precompile);
    Map<Long, Precompile> services = registered.compute(implementation, (key, current) -> {
      Map<Long, Precompile> next = current == null ? new HashMap<>() : new HashMap<>(current);
      next.put(serviceId, guarded);
      return Map.copyOf(next);
    });
    if (services.size() > 1) {
      LOG.error("Precompile {} at {} is registered {} times; it cannot run until only one is left",
          implementation.id(), implementation.address(), services.size());
    } else {
      LOG.info("Precompile {} at {} registered", implementation.id(), implementation.address());
    }
  }

  /** Forgets the service wherever it was registered, so that changed properties leave nothing behind. */
  void unbindPrecompile(Precompile precompile, Map<String, Object> properties) {
    long serviceId = serviceId(properties);
    for (Implementation implementation : List.copyOf(registered.keySet())) {
      registered.computeIfPresent(implementation, (key, current) -> {
        if (!current.containsKey(serviceId)) {
          return current;
        }
        LOG.info("Precompile {} at {} unregistered", key.id(), key.address());
        Map<Long, Precompile> next = new HashMap<>(current);
        next.remove(serviceId);
        return next.isEmpty() ? null : Map.copyOf(next);
      });
    }
  }

  void updatedPrecompile(Precompile precompile, Map<String, Object> properties) {
    unbindPrecompile(precompile, properties);
    bindPrecompile(precompile, properties);
  }

  @Reference(name = "schedule", service = PrecompileSchedule.class, cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
  void bindSchedule(PrecompileSchedule source) {
    schedule.set(source);
  }

  void unbindSchedule(PrecompileSchedule source) {
    // A greedy reference binds the replacement before unbinding the one it replaces.
    schedule.compareAndSet(source, null);
  }

  @Override
  public Map<Address, Precompile> precompilesAt(long blockNumber) throws PrecompileUnavailableException {
    Map<Address, Precompile> precompiles = new TreeMap<>(ethereumPrecompiles);
    List<PrecompileActivation> unavailable = new ArrayList<>();
    for (PrecompileActivation activation : inForce(scheduleAt(blockNumber), blockNumber)) {
      Map<Long, Precompile> services =
          registered.getOrDefault(new Implementation(activation.address(), activation.implementation()), Map.of());
      if (services.size() == 1) {
        precompiles.put(activation.address(), services.values().iterator().next());
      } else {
        unavailable.add(activation);
      }
    }
    if (!unavailable.isEmpty()) {
      throw new PrecompileUnavailableException(blockNumber, unavailable);
    }
    return Collections.unmodifiableMap(precompiles);
  }

  @Override
  public List<PrecompileActivation> scheduleAt(long blockNumber) {
    PrecompileSchedule source = schedule.get();
    if (source == null) {
      return List.of();
    }
    List<PrecompileActivation> activations = new ArrayList<>(source.activationsAt(blockNumber));
    activations.sort(BY_ADDRESS_THEN_HEIGHT);
    for (int i = 1; i < activations.size(); i++) {
      if (BY_ADDRESS_THEN_HEIGHT.compare(activations.get(i - 1), activations.get(i)) == 0) {
        throw new IllegalStateException("the precompile schedule at block " + blockNumber
            + " activates two implementations at once: " + activations.get(i - 1) + ", " + activations.get(i));
      }
    }
    return List.copyOf(activations);
  }

  @Override
  public int registrations(PrecompileActivation activation) {
    return registered.getOrDefault(new Implementation(activation.address(), activation.implementation()), Map.of())
        .size();
  }

  /** Per address, the latest activation at or below the block; {@code schedule} is by address then height. */
  private static List<PrecompileActivation> inForce(List<PrecompileActivation> schedule, long blockNumber) {
    Map<Address, PrecompileActivation> latest = new TreeMap<>();
    for (PrecompileActivation activation : schedule) {
      if (activation.activationHeight() <= blockNumber) {
        latest.put(activation.address(), activation);
      }
    }
    return List.copyOf(latest.values());
  }

  /** The address and id a service is registered with, or null (logged) when they are missing or malformed. */
  private static Implementation implementationOf(Map<String, Object> properties) {
    Object address = properties.get(Precompile.ADDRESS);
    Object id = properties.get(Precompile.IMPLEMENTATION);
    if (!(address instanceof String hex) || !(id instanceof String implementation) || implementation.isBlank()) {
      LOG.warn("Ignoring precompile service {}: it needs String properties {} and {}, has {} and {}",
          properties.get(Constants.SERVICE_ID), Precompile.ADDRESS, Precompile.IMPLEMENTATION, address, id);
      return null;
    }
    try {
      return new Implementation(Address.fromHex(hex), implementation);
    } catch (IllegalArgumentException malformed) {
      LOG.warn("Ignoring precompile service {}: {} is not an address: {}", properties.get(Constants.SERVICE_ID),
          hex, malformed.getMessage());
      return null;
    }
  }

  private static long serviceId(Map<String, Object> properties) {
    return (Long) properties.get(Constants.SERVICE_ID);
  }
}
