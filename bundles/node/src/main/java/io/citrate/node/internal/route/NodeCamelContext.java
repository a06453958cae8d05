package io.citrate.node.internal.route;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.karaf.core.OsgiDataFormatResolver;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.karaf.core.OsgiFactoryFinder;
import org.apache.camel.karaf.core.OsgiLanguageResolver;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.DataFormatResolver;
import org.apache.camel.spi.LanguageResolver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's Camel context, {@value #NAME}: creates it on activation, adds the routes of every
 * {@link RoutesBuilder} service whose {@value #ROUTES_PROPERTY} property is {@value #NAME}, starts it, registers
 * it as a {@link CamelContext} service (so {@code camel:context-list} and {@code camel:route-list} see it) and
 * stops it on deactivation.
 *
 * <p>To add a flow, write one {@code RouteBuilder} per flow, give every route an explicit id, and make it a
 * component registering {@code RoutesBuilder} with that property, prototype-scoped so each context gets a
 * builder of its own (see {@link ChainEventsRoute}). Builders may come and go while the context runs: a new one's
 * routes start at once, a departing one's routes are stopped and removed. A builder that fails is logged and left
 * out; the other routes run.
 */
@Component(immediate = true, service = {})
public final class NodeCamelContext {
  /** The context's name, as {@code camel:context-list} shows it. */
  public static final String NAME = "citrate-node";
  /** The service property naming the Camel context a {@code RoutesBuilder} service belongs to. */
  public static final String ROUTES_PROPERTY = "citrate.camel.context";

  /** Service properties of the registered context, as camel-karaf's publisher sets them. */
  static final String CONTEXT_NAME_PROPERTY = "camel.context.name";
  static final String CONTEXT_SYMBOLIC_NAME_PROPERTY = "camel.context.symbolicname";
  static final String CONTEXT_VERSION_PROPERTY = "camel.context.version";
  static final String CONTEXT_MANAGEMENT_NAME_PROPERTY = "camel.context.managementname";

  private static final Logger LOG = LoggerFactory.getLogger(NodeCamelContext.class);
  private static final String FACTORY_PATH = "META-INF/services/org/apache/camel/";

  private final Object lock = new Object();
  /** Every builder bound, with the route definitions it added (empty until the context exists). */
  private final Map<RoutesBuilder, List<RouteDefinition>> builders = new LinkedHashMap<>();
  private ModelCamelContext camel;
  private ServiceRegistration<CamelContext> registration;

  @Activate
  void activate(BundleContext bundleContext) throws Exception {
    synchronized (lock) {
      ModelCamelContext context = create(bundleContext);
      camel = context;
      for (Map.Entry<RoutesBuilder, List<RouteDefinition>> entry : builders.entrySet()) {
        entry.setValue(addRoutes(entry.getKey()));
      }
      try {
        context.start();
      } catch (Exception failure) {
        camel = null;
        context.close();
        throw failure;
      }
      registration = bundleContext.registerService(CamelContext.class, context, properties(context, bundleContext));
      LOG.info("Camel context {} started with routes {}", NAME, routeIds(context.getRouteDefinitions()));
    }
  }

  @Deactivate
  void deactivate() throws Exception {
    synchronized (lock) {
      if (registration != null) {
        registration.unregister();
        registration = null;
      }
      ModelCamelContext context = camel;
      camel = null;
      builders.replaceAll((builder, routes) -> List.of());
      if (context != null) {
        context.close();
      }
    }
  }

  @Reference(service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
      scope = ReferenceScope.PROTOTYPE, target = "(" + ROUTES_PROPERTY + "=" + NAME + ")")
  void addRoutesBuilder(RoutesBuilder builder) {
    synchronized (lock) {
      builders.put(builder, camel != null ? addRoutes(builder) : List.of());
    }
  }

  void removeRoutesBuilder(RoutesBuilder builder) {
    synchronized (lock) {
      List<RouteDefinition> routes = builders.remove(builder);
      if (camel != null && routes != null && !routes.isEmpty()) {
        try {
          camel.removeRouteDefinitions(routes);
        } catch (Exception failure) {
          LOG.warn("could not remove routes {} from Camel context {}", routeIds(routes), NAME, failure);
        }
      }
    }
  }

  /** Adds the builder's routes to the context; returns the definitions it added, none when it failed. */
  private List<RouteDefinition> addRoutes(RoutesBuilder builder) {
    Set<RouteDefinition> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(camel.getRouteDefinitions());
    try {
      camel.addRoutes(builder);
    } catch (Exception failure) {
      LOG.error("routes of {} not added to Camel context {}", builder, NAME, failure);
      return List.of();
    }
    List<RouteDefinition> added = camel.getRouteDefinitions().stream()
        .filter(route -> !before.contains(route))
        .collect(Collectors.toUnmodifiableList());
    for (RouteDefinition route : added) {
      if (!route.hasCustomIdAssigned()) {
        LOG.warn("route {} from {} has no explicit id; give every route one with routeId(...)",
            route.getRouteId(), builder);
      }
    }
    return added;
  }

  private static ModelCamelContext create(BundleContext bundleContext) {
    OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
    context.getCamelContextExtension().setName(NAME);
    // Camel's factories (components, languages, data formats) sit in the bundles that ship them, not in this one.
    context.getCamelContextExtension().addContextPlugin(DataFormatResolver.class,
        new OsgiDataFormatResolver(bundleContext));
    context.getCamelContextExtension().addContextPlugin(LanguageResolver.class,
        new OsgiLanguageResolver(bundleContext));
    context.getCamelContextExtension().setBootstrapFactoryFinder(
        new OsgiFactoryFinder(bundleContext, context.getClassResolver(), FACTORY_PATH));
    return context;
  }

  private static Dictionary<String, Object> properties(CamelContext context, BundleContext bundleContext) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(CONTEXT_NAME_PROPERTY, context.getName());
    properties.put(CONTEXT_SYMBOLIC_NAME_PROPERTY, bundleContext.getBundle().getSymbolicName());
    properties.put(CONTEXT_VERSION_PROPERTY, bundleContext.getBundle().getVersion());
    if (context.getManagementName() != null) {
      properties.put(CONTEXT_MANAGEMENT_NAME_PROPERTY, context.getManagementName());
    }
    return properties;
  }

  private static List<String> routeIds(List<RouteDefinition> routes) {
    return routes.stream().map(RouteDefinition::getRouteId).collect(Collectors.toList());
  }
}
