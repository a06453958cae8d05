package io.citrate.tensor.internal.opencl;

import static org.jocl.CL.CL_DEVICE_AVAILABLE;
import static org.jocl.CL.CL_DEVICE_COMPILER_AVAILABLE;
import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_ITEM_SIZES;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT;
import static org.jocl.CL.CL_DEVICE_PROFILE;
import static org.jocl.CL.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;
import static org.jocl.CL.CL_FP_FMA;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import io.citrate.tensor.api.ComputeDevice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** One OpenCL device and the limits and capabilities the kernels are sized and built from. */
record OpenClDevice(cl_platform_id platformId, cl_device_id id, String platform, String name, long type,
    String driverVersion, String version, String profile, String extensions, int computeUnits,
    long globalMemoryBytes, long localMemoryBytes, long maxAllocationBytes, long maxWorkGroupSize,
    long[] maxWorkItemSizes, int preferredFloatVectorWidth, long singleFpConfig, boolean available,
    boolean compilerAvailable) {

  /** {@code CL_PLATFORM_NOT_FOUND_KHR}: the ICD loader found no platform. */
  private static final int PLATFORM_NOT_FOUND_KHR = -1001;

  boolean isCpu() {
    return (type & CL_DEVICE_TYPE_CPU) != 0;
  }

  boolean hasExtension(String extension) {
    return (" " + extensions + " ").contains(" " + extension + " ");
  }

  boolean correctlyRoundedDivideSqrt() {
    return (singleFpConfig & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
  }

  boolean fusedMultiplyAdd() {
    return (singleFpConfig & CL_FP_FMA) != 0;
  }

  /** 64-bit integers are core in the full profile and an extension in the embedded one. */
  boolean has64BitIntegers() {
    return !"EMBEDDED_PROFILE".equals(profile) || hasExtension("cl_khr_int64");
  }

  String typeName() {
    if ((type & CL_DEVICE_TYPE_GPU) != 0) {
      return "gpu";
    }
    if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
      return "accelerator";
    }
    if (isCpu()) {
      return "cpu";
    }
    return "other";
  }

  /** Preference of {@code any}: GPU, accelerator, CPU, then anything else. */
  int preferenceRank() {
    return switch (typeName()) {
      case "gpu" -> 0;
      case "accelerator" -> 1;
      case "cpu" -> 2;
      default -> 3;
    };
  }

  ComputeDevice describe(boolean inUse) {
    return new ComputeDevice(platform, name, typeName(), computeUnits, globalMemoryBytes, localMemoryBytes, inUse);
  }

  /** What the binary cache keys on besides source and options. */
  String identity() {
    return platform + "\n" + name + "\n" + version + "\n" + driverVersion;
  }

  /** Every device of every platform, in platform order. */
  static List<OpenClDevice> enumerate() {
    try {
      CL.setExceptionsEnabled(true);
    } catch (LinkageError e) {
      throw new OpenClUnavailableException("the JOCL native library did not load (" + e
          + "); it needs the OpenCL ICD loader and a driver: " + OpenClUnavailableException.INSTALL_HINT, e);
    }
    List<OpenClDevice> devices = new ArrayList<>();
    for (cl_platform_id platform : platforms()) {
      String platformName = platformString(platform, CL_PLATFORM_NAME);
      for (cl_device_id device : devices(platform)) {
        devices.add(describe(platform, platformName, device));
      }
    }
    return devices;
  }

  /** The device the selector names; refuses a device the kernels cannot run on. */
  static OpenClDevice select(OpenClDeviceSelector selector) {
    List<OpenClDevice> all = enumerate();
    if (all.isEmpty()) {
      throw new OpenClUnavailableException("no OpenCL device found; " + OpenClUnavailableException.INSTALL_HINT);
    }
    String wantedPlatform = selector.platform().toLowerCase(Locale.ROOT);
    List<OpenClDevice> matching = all.stream()
        .filter(d -> d.platform.toLowerCase(Locale.ROOT).contains(wantedPlatform))
        .filter(d -> selector.deviceType().equals("any") || selector.deviceType().equals(d.typeName()))
        .sorted(Comparator.comparingInt(OpenClDevice::preferenceRank))
        .toList();
    if (selector.deviceIndex() >= matching.size()) {
      throw new OpenClUnavailableException("no OpenCL device matches platform \"" + selector.platform()
          + "\", type " + selector.deviceType() + ", index " + selector.deviceIndex() + " (" + matching.size()
          + " match); present: " + all.stream().map(d -> d.platform + " / " + d.name + " (" + d.typeName() + ")")
              .toList()
          + "; " + OpenClUnavailableException.INSTALL_HINT);
    }
    OpenClDevice device = matching.get(selector.deviceIndex());
    if (!device.available || !device.compilerAvailable) {
      throw new OpenClUnavailableException("OpenCL device " + device.name + " is not available or has no compiler; "
          + OpenClUnavailableException.INSTALL_HINT);
    }
    if (!device.has64BitIntegers()) {
      throw new OpenClUnavailableException("OpenCL device " + device.name
          + " is an embedded-profile device without 64-bit integers (cl_khr_int64), which EXACT arithmetic needs; "
          + OpenClUnavailableException.INSTALL_HINT);
    }
    return device;
  }

  private static cl_platform_id[] platforms() {
    try {
      int[] count = new int[1];
      clGetPlatformIDs(0, null, count);
      cl_platform_id[] platforms = new cl_platform_id[count[0]];
      if (count[0] > 0) {
        clGetPlatformIDs(count[0], platforms, null);
      }
      return platforms;
    } catch (CLException e) {
      if (e.getStatus() == PLATFORM_NOT_FOUND_KHR) {
        throw new OpenClUnavailableException(
            "no OpenCL platform found (CL_PLATFORM_NOT_FOUND_KHR); " + OpenClUnavailableException.INSTALL_HINT, e);
      }
      throw OpenClErrors.unavailable("listing OpenCL platforms", e);
    }
  }

  private static cl_device_id[] devices(cl_platform_id platform) {
    try {
      int[] count = new int[1];
      clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
      cl_device_id[] devices = new cl_device_id[count[0]];
      if (count[0] > 0) {
        clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count[0], devices, null);
      }
      return devices;
    } catch (CLException e) {
      if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
        return new cl_device_id[0];
      }
      throw OpenClErrors.unavailable("listing OpenCL devices", e);
    }
  }

  private static OpenClDevice describe(cl_platform_id platform, String platformName, cl_device_id device) {
    try {
      int dimensions = 3;
      long[] itemSizes = new long[dimensions];
      clGetDeviceInfo(device, CL_DEVICE_MAX_WORK_ITEM_SIZES, (long) Sizeof.size_t * dimensions,
          Pointer.to(itemSizes), null);
      return new OpenClDevice(platform, device, platformName, deviceString(device, CL_DEVICE_NAME),
          deviceLong(device, CL_DEVICE_TYPE), deviceString(device, CL_DRIVER_VERSION),
          deviceString(device, CL_DEVICE_VERSION), deviceString(device, CL_DEVICE_PROFILE),
          deviceString(device, CL_DEVICE_EXTENSIONS), deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS),
          deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE), deviceLong(device, CL_DEVICE_LOCAL_MEM_SIZE),
          deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE), deviceSize(device, CL_DEVICE_MAX_WORK_GROUP_SIZE),
          itemSizes, deviceInt(device, CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT),
          deviceLong(device, CL_DEVICE_SINGLE_FP_CONFIG), deviceInt(device, CL_DEVICE_AVAILABLE) != 0,
          deviceInt(device, CL_DEVICE_COMPILER_AVAILABLE) != 0);
    } catch (CLException e) {
      throw OpenClErrors.unavailable("querying an OpenCL device of " + platformName, e);
    }
  }

  private static String platformString(cl_platform_id platform, int parameter) {
    long[] size = new long[1];
    clGetPlatformInfo(platform, parameter, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    clGetPlatformInfo(platform, parameter, bytes.length, Pointer.to(bytes), null);
    return text(bytes);
  }

  private static String deviceString(cl_device_id device, int parameter) {
    long[] size = new long[1];
    clGetDeviceInfo(device, parameter, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    clGetDeviceInfo(device, parameter, bytes.length, Pointer.to(bytes), null);
    return text(bytes);
  }

  private static int deviceInt(cl_device_id device, int parameter) {
    int[] value = new int[1];
    clGetDeviceInfo(device, parameter, Sizeof.cl_uint, Pointer.to(value), null);
    return value[0];
  }

  private static long deviceLong(cl_device_id device, int parameter) {
    long[] value = new long[1];
    clGetDeviceInfo(device, parameter, Sizeof.cl_ulong, Pointer.to(value), null);
    return value[0];
  }

  private static long deviceSize(cl_device_id device, int parameter) {
    long[] value = new long[1];
    clGetDeviceInfo(device, parameter, Sizeof.size_t, Pointer.to(value), null);
    return value[0];
  }

  private static String text(byte[] bytes) {
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == 0) {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8).trim();
  }
}
