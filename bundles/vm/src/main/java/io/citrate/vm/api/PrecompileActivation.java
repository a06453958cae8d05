package io.citrate.vm.api;

import io.citrate.core.api.Address;
import java.util.Objects;

/**
 * A decision of the chain: from block {@code activationHeight} on, the precompile at {@code address} is the
 * registered {@link Precompile} with this implementation id, until a later activation for the same address.
 *
 * @param address where the precompile is called; never one of Ethereum's precompiles 0x01 to 0x0a
 * @param implementation the id a {@link Precompile} is registered with ({@link Precompile#IMPLEMENTATION})
 * @param activationHeight the first block number it runs in
 */
public record PrecompileActivation(Address address, String implementation, long activationHeight) {
  private static final int HIGHEST_ETHEREUM_PRECOMPILE = 0x0a;

  /**
   * @throws IllegalArgumentException when the address is one of Ethereum's precompiles (0x01 to 0x0a), which
   *     every node runs as Ethereum defines them; when the id is blank or the height negative
   */
  public PrecompileActivation {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(implementation, "implementation");
    if (isEthereumPrecompile(address)) {
      throw new IllegalArgumentException("Ethereum's precompile at " + address + " cannot be replaced");
    }
    if (implementation.isBlank()) {
      throw new IllegalArgumentException("implementation id is blank");
    }
    if (activationHeight < 0) {
      throw new IllegalArgumentException("activation height is negative: " + activationHeight);
    }
  }

  private static boolean isEthereumPrecompile(Address address) {
    byte[] bytes = address.unsafeBytes();
    for (int i = 0; i < Address.SIZE - 1; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    int last = bytes[Address.SIZE - 1] & 0xff;
    return last >= 1 && last <= HIGHEST_ETHEREUM_PRECOMPILE;
  }
}
