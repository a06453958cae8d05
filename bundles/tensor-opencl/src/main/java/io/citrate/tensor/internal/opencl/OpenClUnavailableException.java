package io.citrate.tensor.internal.opencl;

import io.citrate.tensor.api.TensorException;

/**
 * No usable OpenCL: the JOCL native library did not load, no platform or no matching device was found, or the
 * kernels did not build. The message says what is missing and how to install an OpenCL runtime.
 */
public class OpenClUnavailableException extends TensorException {
  private static final long serialVersionUID = 1L;

  /** JOCL opens the ICD loader as libOpenCL.so, a name only the loader's development package links. */
  static final String INSTALL_HINT = "install an OpenCL runtime, for a CPU PoCL: "
      + "apt-get install pocl-opencl-icd ocl-icd-libopencl1, plus ocl-icd-opencl-dev for the libOpenCL.so "
      + "link JOCL loads (clinfo -l lists the platforms the ICD loader finds)";

  public OpenClUnavailableException(String message) {
    super(Kind.BACKEND_FAILURE, message);
  }

  public OpenClUnavailableException(String message, Throwable cause) {
    super(Kind.BACKEND_FAILURE, message, cause);
  }
}
