package io.citrate.rpc.internal.methods;

/**
 * Thrown by the struct logger from inside a replay once a trace reaches one of its limits: it ends the replay, which
 * writes nothing, so an oversized trace costs neither memory nor the rest of its execution.
 */
final class TraceLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TraceLimitException(String message) {
    super(message, null, false, false);
  }
}
