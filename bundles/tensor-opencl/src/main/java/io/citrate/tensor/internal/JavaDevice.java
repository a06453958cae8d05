package io.citrate.tensor.internal;

import io.citrate.tensor.api.ComputeDevice;

/** The JVM as the Java reference backend's one device: its cores and the heap it may grow to. */
final class JavaDevice {
  private JavaDevice() {}

  static ComputeDevice describe(boolean inUse) {
    Runtime runtime = Runtime.getRuntime();
    return new ComputeDevice("Java " + Runtime.version().feature(), "Java reference backend", "cpu",
        runtime.availableProcessors(), runtime.maxMemory(), 0, inUse);
  }
}
