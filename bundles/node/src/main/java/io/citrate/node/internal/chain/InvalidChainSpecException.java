package io.citrate.node.internal.chain;

/** A chain specification that cannot define a network; the message names the field. */
public final class InvalidChainSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidChainSpecException(String message) {
    super("invalid chain specification: " + message);
  }
}
