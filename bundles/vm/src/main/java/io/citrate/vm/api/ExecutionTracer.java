package io.citrate.vm.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Watches one transaction run: every frame it enters and leaves, every operation, every log. Calls come in execution
 * order: a frame's {@link #enterFrame}, then for each of its operations {@link #beforeOperation} and
 * {@link #afterOperation} (a CALL or CREATE's child frame follows its {@code afterOperation}), and its
 * {@link #exitFrame}. Tracing never changes what executes; a tracer that throws aborts the run that traces it, which
 * writes nothing. Every method does nothing unless overridden.
 */
@ConsumerType
public interface ExecutionTracer {
  default void enterFrame(FrameStart frame) {}

  /** The operation about to run; {@code step} is valid only during the call. */
  default void beforeOperation(ExecutionStep step) {}

  /**
   * The operation announced last has run.
   *
   * @param gasCost the gas it took, including what a CALL or CREATE handed to its child frame
   * @param error why it halted its frame, worded as {@link FrameEnd#error()} is; empty when it did not
   */
  default void afterOperation(long gasCost, Optional<String> error) {}

  /** A log the running frame emitted; it is dropped again if that frame or one around it fails. */
  default void log(Log log) {}

  default void exitFrame(FrameEnd frame) {}
}
