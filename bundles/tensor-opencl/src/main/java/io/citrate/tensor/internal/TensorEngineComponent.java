package io.citrate.tensor.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorEngine;
import io.citrate.tensor.internal.EngineSettings.BackendChoice;
import io.citrate.tensor.internal.java.JavaKernels;
import io.citrate.tensor.internal.opencl.OpenClKernels;
import io.citrate.tensor.internal.opencl.OpenClUnavailableException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
 * Opens the backends PID {@code io.citrate.tensor} asks for and publishes each as a {@link TensorBackend} service
 * (property {@code citrate.tensor.backend}), the chosen one as the {@link TensorEngine}, and the engine's metrics as a
 * {@link MetricSet} with {@code citrate.metrics.prefix=citrate.tensor}. The Java reference always opens; OpenCL opens
 * unless the configuration says {@code java}, and when it cannot (no driver, no platform, no matching device, a
 * program that does not build) the engine falls back to Java and logs why, unless fallback is off.
 */
@Component(service = {}, immediate = true, configurationPid = TensorEngineComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TensorConfiguration.class)
public final class TensorEngineComponent {
  static final String PID = "io.citrate.tensor";
  static final String METRICS_PREFIX_PROPERTY = "citrate.metrics.prefix";
  static final String METRICS_PREFIX = "citrate.tensor";
  static final String OPENCL_IN_USE = "backend.opencl";

  private static final Logger LOG = LoggerFactory.getLogger(TensorEngineComponent.class);

  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private final JavaKernels javaKernels;
  private final OpenClKernels openClKernels;

  @Activate
  public TensorEngineComponent(BundleContext context, TensorConfiguration configuration) {
    EngineSettings settings = EngineSettings.of(configuration, context.getProperty("karaf.data"));
    this.javaKernels = new JavaKernels();
    this.openClKernels = settings.wantsOpenCl() ? openOpenCl(settings) : null;
    boolean onOpenCl = openClKernels != null;
    if (!onOpenCl && settings.backend() == BackendChoice.OPENCL && !settings.fallback()) {
      javaKernels.close();
      throw new IllegalStateException("The tensor engine is configured for OpenCL without fallback, and OpenCL "
          + "could not be opened (see the error above); set backend = auto or fallback = true to run on Java");
    }

    MetricRegistry registry = new MetricRegistry();
    TensorMetrics metrics = new TensorMetrics(registry);
    registry.gauge(OPENCL_IN_USE, () -> (Gauge<Integer>) () -> onOpenCl ? 1 : 0);
    LocalTensorBackend javaBackend = new LocalTensorBackend(javaKernels,
        () -> List.of(JavaDevice.describe(!onOpenCl)), settings.limits(), metrics);
    LocalTensorBackend openClBackend = onOpenCl
        ? new LocalTensorBackend(openClKernels, () -> openClDevices(openClKernels), settings.limits(), metrics)
        : null;
    LocalTensorBackend engine = onOpenCl ? openClBackend : javaBackend;
    try {
      Dictionary<String, Object> metricsProperties = new Hashtable<>();
      metricsProperties.put(METRICS_PREFIX_PROPERTY, METRICS_PREFIX);
      registrations.add(context.registerService(MetricSet.class, registry, metricsProperties));
      registrations.add(context.registerService(TensorBackend.class, javaBackend, backendProperties(javaBackend)));
      if (openClBackend != null) {
        registrations.add(context.registerService(TensorBackend.class, openClBackend, backendProperties(openClBackend)));
      }
      registrations.add(context.registerService(TensorEngine.class, engine, backendProperties(engine)));
    } catch (RuntimeException failure) {
      deactivate();
      throw failure;
    }
    LOG.info("Tensor engine on {}; session limits {}", engine, settings.limits());
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<?> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyUnregistered) {
        LOG.debug("Tensor service was already unregistered", alreadyUnregistered);
      }
    }
    registrations.clear();
    if (openClKernels != null) {
      openClKernels.close();
    }
    javaKernels.close();
  }

  private static OpenClKernels openOpenCl(EngineSettings settings) {
    try {
      return OpenClKernels.open(settings.selector(), settings.kernelCache());
    } catch (OpenClUnavailableException unavailable) {
      if (settings.backend() == BackendChoice.OPENCL && !settings.fallback()) {
        LOG.error("OpenCL backend unavailable: {}", unavailable.getMessage());
      } else {
        LOG.warn("OpenCL backend unavailable, tensor work runs on the Java reference: {}", unavailable.getMessage());
      }
      return null;
    }
  }

  private static List<ComputeDevice> openClDevices(OpenClKernels kernels) {
    ComputeDevice inUse = kernels.device();
    List<ComputeDevice> devices = new ArrayList<>();
    for (ComputeDevice device : OpenClKernels.listDevices()) {
      boolean same = device.platform().equals(inUse.platform()) && device.name().equals(inUse.name());
      devices.add(same ? inUse : device);
    }
    return devices;
  }

  private static Dictionary<String, Object> backendProperties(LocalTensorBackend backend) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(TensorBackend.NAME_PROPERTY, backend.name());
    return properties;
  }
}
