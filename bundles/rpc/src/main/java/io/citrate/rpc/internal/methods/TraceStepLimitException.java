package io.citrate.rpc.internal.methods;

/**
 * Thrown by the struct logger from inside a replay once a trace reaches its step limit: it ends the replay, which
 * writes nothing, so an endless trace costs neither memory nor the rest of its execution.
 */
final class TraceStepLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TraceStepLimitException(int limit) {
    super("the trace exceeds " + limit + " steps, the most this node records (trace.max.steps in io.citrate.rpc)",
        null, false, false);
  }
}
