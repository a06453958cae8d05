package io.citrate.consensus.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validators and their stakes at one point of the chain, which every node derives identically. Ordered
 * by address, so iteration never depends on how the set was assembled.
 */
public final class StakeDistribution {
  private final Map<Address, Validator> byAddress;
  private final Wei totalStake;

  private StakeDistribution(Map<Address, Validator> byAddress, Wei totalStake) {
    this.byAddress = byAddress;
    this.totalStake = totalStake;
  }

  /**
   * @throws IllegalArgumentException if two validators share an address, or the stakes add up to 2^256 or
   *     more (more than any token supply can hold)
   */
  public static StakeDistribution of(Collection<Validator> validators) {
    Map<Address, Validator> byAddress = new TreeMap<>();
    Wei total = Wei.ZERO;
    for (Validator validator : validators) {
      if (byAddress.putIfAbsent(validator.address(), validator) != null) {
        throw new IllegalArgumentException("validator " + validator.address() + " appears twice");
      }
      try {
        total = total.add(validator.stake());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("total stake exceeds 2^256 - 1 wei");
      }
    }
    return new StakeDistribution(Collections.unmodifiableMap(byAddress), total);
  }

  public Optional<Validator> find(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  public Wei totalStake() {
    return totalStake;
  }

  /** All validators, ordered by address. */
  public List<Validator> validators() {
    return List.copyOf(byAddress.values());
  }

  @Override
  public String toString() {
    return "StakeDistribution[" + byAddress.size() + " validators, total " + totalStake + "]";
  }
}
