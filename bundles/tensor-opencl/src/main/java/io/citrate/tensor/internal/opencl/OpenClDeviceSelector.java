package io.citrate.tensor.internal.opencl;

import io.citrate.tensor.api.TensorException;
import java.util.Locale;
import java.util.Set;

/**
 * Which OpenCL device to open.
 *
 * @param platform a case-insensitive substring of the platform name; empty for any platform
 * @param deviceType {@code gpu}, {@code cpu}, {@code accelerator} or {@code any}; {@code any} prefers a GPU, then
 *     an accelerator, then a CPU
 * @param deviceIndex index among the matching devices in that order, 0 for the first
 */
public record OpenClDeviceSelector(String platform, String deviceType, int deviceIndex) {
  private static final Set<String> DEVICE_TYPES = Set.of("gpu", "cpu", "accelerator", "any");

  public static final OpenClDeviceSelector ANY = new OpenClDeviceSelector("", "any", 0);

  public OpenClDeviceSelector {
    platform = platform == null ? "" : platform.trim();
    deviceType = deviceType == null ? "any" : deviceType.trim().toLowerCase(Locale.ROOT);
    if (!DEVICE_TYPES.contains(deviceType)) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
          "OpenCL device type must be gpu, cpu, accelerator or any, not " + deviceType);
    }
    if (deviceIndex < 0) {
      throw new TensorException(TensorException.Kind.INVALID_ARGUMENT,
          "OpenCL device index must not be negative: " + deviceIndex);
    }
  }
}
