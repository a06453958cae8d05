package io.citrate.vm.internal.registry;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;

/**
 * A registered precompile as the VM runs it. Integrator code is untrusted: whatever it throws must end the call
 * the same way on every node, so a failure becomes a halt whose reason names only the implementation id and the
 * exception's class, never its message or stack, which may differ between JVMs and runs.
 *
 * <p>A {@link StackOverflowError} is the precompile's own unbounded recursion and halts like an exception. Other
 * {@link VirtualMachineError}s (out of memory, internal errors) say this node failed, not that the call did;
 * they propagate so that the block fails here instead of committing a result other nodes would not compute.
 */
final class GuardedPrecompile implements Precompile {
  private final String implementation;
  private final Precompile delegate;

  GuardedPrecompile(String implementation, Precompile delegate) {
    this.implementation = implementation;
    this.delegate = delegate;
  }

  /**
   * A precompile whose price cannot be computed cannot be paid for: the failure is reported as a requirement of
   * {@link Long#MAX_VALUE}, which no call can meet, so the call halts having consumed all the gas it was given —
   * what a halt from {@link #execute} costs — and the failing code is not run again.
   */
  @Override
  public long gasRequirement(byte[] input) {
    try {
      long required = delegate.gasRequirement(input);
      return required < 0 ? Long.MAX_VALUE : required;
    } catch (Exception | StackOverflowError failure) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    PrecompileResult result;
    try {
      result = delegate.execute(input, context);
    } catch (Exception | StackOverflowError failure) {
      return PrecompileResult.halt(haltReason(failure));
    }
    return result != null ? result : PrecompileResult.halt("precompile " + implementation + " returned no result");
  }

  private String haltReason(Throwable failure) {
    return "precompile " + implementation + " threw " + failure.getClass().getName();
  }

  @Override
  public String toString() {
    return implementation;
  }
}
