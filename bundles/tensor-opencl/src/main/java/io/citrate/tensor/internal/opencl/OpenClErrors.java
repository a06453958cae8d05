package io.citrate.tensor.internal.opencl;

import io.citrate.tensor.api.TensorException;
import org.jocl.CL;
import org.jocl.CLException;

/** Turns driver errors into the engine's exceptions, naming the OpenCL error. */
final class OpenClErrors {
  private OpenClErrors() {}

  static TensorException failure(String what, CLException e) {
    return new TensorException(TensorException.Kind.BACKEND_FAILURE,
        "OpenCL failed " + what + ": " + CL.stringFor_errorCode(e.getStatus()), e);
  }

  static OpenClUnavailableException unavailable(String what, CLException e) {
    return new OpenClUnavailableException("OpenCL failed " + what + ": " + CL.stringFor_errorCode(e.getStatus())
        + "; " + OpenClUnavailableException.INSTALL_HINT, e);
  }
}
