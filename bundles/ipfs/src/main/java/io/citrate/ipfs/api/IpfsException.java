package io.citrate.ipfs.api;

/**
 * Why an IPFS operation was refused or failed. Every failure names its {@link Kind}, so the gateway, the Pinning
 * Service API and the shell can answer with the right status; the message says what was wrong in words an operator
 * can act on. A refused operation has changed nothing.
 */
public class IpfsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** A content id that does not parse or names an unsupported codec or hash function. */
    INVALID_CID,
    /** A path that does not parse, or names a segment that is not a valid file name. */
    INVALID_PATH,
    /** Bytes that are not what they claim: a malformed dag-pb node, UnixFS message, CAR file or request. */
    INVALID_DATA,
    /** A block whose bytes do not hash to its content id. */
    CORRUPT_BLOCK,
    /** A block, a path segment or a pin that is not there. */
    NOT_FOUND,
    /** More than a limit allows (a block, a name, a directory, a request). */
    TOO_LARGE,
    /** The node's storage failed or is full. */
    STORAGE,
    /** A remote backend (Kubo, a pinning service) failed, timed out or answered garbage. */
    BACKEND,
    /** A stream the caller handed in failed while it was read or written. */
    IO,
    /** The service is not running or not configured for this. */
    UNAVAILABLE
  }

  private final Kind kind;

  public IpfsException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public IpfsException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
