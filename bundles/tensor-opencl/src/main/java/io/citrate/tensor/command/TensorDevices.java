package io.citrate.tensor.command;

import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorEngine;
import io.citrate.tensor.internal.opencl.OpenClKernels;
import io.citrate.tensor.internal.opencl.OpenClUnavailableException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** {@code citrate:tensor-devices}: the backends, the devices each sees, and which one runs tensor work. */
@Command(scope = "citrate", name = "tensor-devices",
    description = "List the tensor backends and OpenCL platforms and devices (memory, compute units); * marks the one in use.")
@Service
public class TensorDevices implements Action {

  @Reference
  BundleContext context;

  @Override
  public Object execute() {
    List<TensorBackend> backends = RunningBackends.of(context);
    String engine = null;
    ServiceReference<TensorEngine> engineReference = context.getServiceReference(TensorEngine.class);
    if (engineReference != null) {
      engine = (String) engineReference.getProperty(TensorBackend.NAME_PROPERTY);
    }
    print(engine, backends, System.out);
    return null;
  }

  static void print(String engine, List<TensorBackend> backends, PrintStream out) {
    out.println("Engine: " + (engine == null ? "not running (see the log)" : engine));
    boolean openClOpen = false;
    for (TensorBackend backend : backends) {
      out.println();
      out.println("Backend " + backend.name() + (backend.name().equals(engine) ? " (in use)" : ""));
      printDevices(backend.devices(), out);
      openClOpen |= backend.name().equals("opencl");
    }
    if (!openClOpen) {
      out.println();
      out.println("OpenCL (backend not open)");
      try {
        printDevices(OpenClKernels.listDevices(), out);
      } catch (OpenClUnavailableException unavailable) {
        out.println("  " + unavailable.getMessage());
      }
    }
  }

  private static void printDevices(List<ComputeDevice> devices, PrintStream out) {
    out.println(String.format(Locale.ROOT, "  %-1s %-32s %-40s %-11s %5s %12s %10s", "", "Platform", "Device", "Type",
        "Units", "Memory", "Local"));
    for (ComputeDevice device : devices) {
      out.println(String.format(Locale.ROOT, "  %-1s %-32s %-40s %-11s %5d %12s %10s", device.inUse() ? "*" : "",
          clip(device.platform(), 32), clip(device.name(), 40), device.type(), device.computeUnits(),
          bytes(device.globalMemoryBytes()), bytes(device.localMemoryBytes())));
    }
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  static String bytes(long bytes) {
    if (bytes == 0) {
      return "-";
    }
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%d KiB", bytes >> 10);
  }
}
