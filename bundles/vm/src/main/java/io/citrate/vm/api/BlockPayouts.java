package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a block pays beyond its transactions' priority fees, credited after every transaction has run.
 *
 * @param rewards block rewards by recipient, added in address order
 * @param baseFeeRecipient who receives the base fees of the block's transactions; empty when they are burnt,
 *     as on Ethereum
 */
public record BlockPayouts(Map<Address, Wei> rewards, Optional<Address> baseFeeRecipient) {
  /** Nothing paid and base fees burnt. */
  public static final BlockPayouts NONE = new BlockPayouts(Map.of(), Optional.empty());

  public BlockPayouts {
    rewards = Map.copyOf(rewards);
    Objects.requireNonNull(baseFeeRecipient, "baseFeeRecipient");
  }
}
