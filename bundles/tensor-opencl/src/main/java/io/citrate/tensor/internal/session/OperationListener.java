package io.citrate.tensor.internal.session;

import io.citrate.tensor.api.Cost;
import io.citrate.tensor.api.TensorException;

/**
 * Hears about every operation a {@link Session} runs or refuses, for metrics. {@code operation} is the
 * {@link io.citrate.tensor.api.TensorSession} method's name, e.g. {@code matmul} or {@code fromFloats}.
 * Called on the session's thread; implementations must be quick and must not throw.
 */
public interface OperationListener {
  OperationListener NONE = new OperationListener() {
    @Override
    public void completed(String operation, Cost cost, long nanos) {}

    @Override
    public void refused(String operation, TensorException.Kind kind) {}
  };

  /** The operation ran, cost {@code cost} and took {@code nanos} from validation to its last kernel. */
  void completed(String operation, Cost cost, long nanos);

  /** The operation was refused or failed with {@code kind}; it cost nothing. */
  void refused(String operation, TensorException.Kind kind);
}
