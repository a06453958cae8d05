package io.citrate.vm.api;

import io.citrate.core.api.Address;

/**
 * The schedule names an implementation for a block that no installed bundle registers. The block cannot be
 * executed as every other node executes it, so it must not be executed at all until the bundle is installed.
 */
public final class MissingPrecompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Address address;
  private final String implementation;

  public MissingPrecompileException(Address address, String implementation, long blockNumber) {
    super("block " + blockNumber + " runs precompile implementation " + implementation + " at " + address
        + ", which no installed bundle registers");
    this.address = address;
    this.implementation = implementation;
  }

  public Address address() {
    return address;
  }

  public String implementation() {
    return implementation;
  }
}
