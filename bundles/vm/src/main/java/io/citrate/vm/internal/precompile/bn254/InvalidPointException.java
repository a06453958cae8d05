package io.citrate.vm.internal.precompile.bn254;

/** Input bytes that do not encode a point of the group they should: the precompiles halt on it. */
public final class InvalidPointException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidPointException(String message) {
    super(message);
  }
}
