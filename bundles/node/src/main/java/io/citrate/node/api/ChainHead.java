package io.citrate.node.api;

import io.citrate.core.api.Hash;
import java.util.Objects;

/**
 * The end of the selected chain, as read in one step: what {@code latest} means to Ethereum clients.
 *
 * @param block the sink
 * @param number its Ethereum block number
 * @param stateRoot the state after it: the node's current state
 */
public record ChainHead(Hash block, long number, Hash stateRoot) {
  public ChainHead {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
