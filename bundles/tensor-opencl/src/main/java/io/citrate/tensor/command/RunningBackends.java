package io.citrate.tensor.command;

import io.citrate.tensor.api.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The tensor backends registered now, for the commands that address each one. */
final class RunningBackends {
  private RunningBackends() {}

  static List<TensorBackend> of(BundleContext context) {
    List<TensorBackend> backends = new ArrayList<>();
    try {
      for (ServiceReference<TensorBackend> reference : context.getServiceReferences(TensorBackend.class, null)) {
        TensorBackend backend = context.getService(reference);
        if (backend != null) {
          backends.add(backend);
        }
      }
    } catch (InvalidSyntaxException impossible) {
      throw new IllegalStateException("a null filter is always valid", impossible);
    }
    return backends;
  }
}
