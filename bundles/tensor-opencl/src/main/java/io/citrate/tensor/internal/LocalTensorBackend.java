package io.citrate.tensor.internal;

import io.citrate.tensor.api.ComputeDevice;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorLimits;
import io.citrate.tensor.api.TensorSession;
import io.citrate.tensor.internal.kernel.Kernels;
import io.citrate.tensor.internal.session.Session;
import java.util.List;
import java.util.function.Supplier;

/** A backend in this JVM: sessions over one {@link Kernels}, reported to the engine's metrics. */
final class LocalTensorBackend implements TensorBackend {
  private final Kernels kernels;
  private final Supplier<List<ComputeDevice>> devices;
  private final TensorLimits defaultLimits;
  private final TensorMetrics metrics;

  LocalTensorBackend(Kernels kernels, Supplier<List<ComputeDevice>> devices, TensorLimits defaultLimits,
      TensorMetrics metrics) {
    this.kernels = kernels;
    this.devices = devices;
    this.defaultLimits = defaultLimits;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return kernels.backendName();
  }

  @Override
  public List<ComputeDevice> devices() {
    return devices.get();
  }

  @Override
  public TensorSession open(NumericMode mode, TensorLimits limits) {
    metrics.sessionOpened();
    return new Session(kernels, mode, limits, metrics);
  }

  @Override
  public TensorSession open(NumericMode mode) {
    return open(mode, defaultLimits);
  }

  @Override
  public String toString() {
    return name() + " on " + kernels.deviceName();
  }
}
