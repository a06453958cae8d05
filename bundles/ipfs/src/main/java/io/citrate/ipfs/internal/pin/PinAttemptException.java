package io.citrate.ipfs.internal.pin;

/**
 * Why one attempt to pin on a backend did not end pinned. A retryable failure (a timeout, a 5xx, a remote pin still
 * queued) is tried again after the queue's backoff; one that is not (a refused token, a content id mismatch) marks
 * the backend failed at once.
 */
public final class PinAttemptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public PinAttemptException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public PinAttemptException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
