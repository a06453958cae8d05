package io.citrate.vm.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A block needs a precompile implementation this node cannot run: none is registered with the id its
 * activation names, or more than one is and none can be chosen. The block must not execute here, since any
 * result would differ from the nodes that have the implementation.
 */
public final class PrecompileUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long blockNumber;
  private final List<PrecompileActivation> unavailable;

  public PrecompileUnavailableException(long blockNumber, List<PrecompileActivation> unavailable) {
    super("block " + blockNumber + " needs precompiles missing or registered more than once on this node: "
        + unavailable.stream().map(activation -> activation.implementation() + " at " + activation.address())
            .collect(Collectors.joining(", ")));
    this.blockNumber = blockNumber;
    this.unavailable = List.copyOf(unavailable);
  }

  public long blockNumber() {
    return blockNumber;
  }

  /** The activations in force at the block whose implementation is missing or ambiguous, in address order. */
  public List<PrecompileActivation> unavailable() {
    return unavailable;
  }
}
