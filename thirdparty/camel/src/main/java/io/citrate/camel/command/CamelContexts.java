package io.citrate.camel.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The Camel contexts registered as OSGi services, as the camel: commands list them. */
final class CamelContexts {

  private CamelContexts() {
  }

  /**
   * Hands every registered context (or only the one named, when a name is given) to {@code action}, sorted by
   * name, and releases the services afterwards.
   *
   * @throws IllegalArgumentException when a name is given and no context has it
   */
  static void forEach(BundleContext bundleContext, String name, Consumer<CamelContext> action) {
    List<ServiceReference<CamelContext>> references;
    try {
      references = new ArrayList<>(bundleContext.getServiceReferences(CamelContext.class, null));
    } catch (InvalidSyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
    List<CamelContext> contexts = new ArrayList<>();
    List<ServiceReference<CamelContext>> held = new ArrayList<>();
    try {
      for (ServiceReference<CamelContext> reference : references) {
        CamelContext context = bundleContext.getService(reference);
        if (context != null) {
          held.add(reference);
          if (name == null || name.equals(context.getName())) {
            contexts.add(context);
          }
        }
      }
      if (name != null && contexts.isEmpty()) {
        throw new IllegalArgumentException("no Camel context named " + name);
      }
      contexts.sort(Comparator.comparing(CamelContext::getName));
      contexts.forEach(action);
    } finally {
      held.forEach(bundleContext::ungetService);
    }
  }
}
