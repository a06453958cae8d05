package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ethereum's standard precompiles per fork, each fork assembled here from the one before it so that a fork's
 * full set can be read in one place. The maps iterate in address order.
 */
public final class MainnetPrecompiles {
  private MainnetPrecompiles() {}

  /** Cancun: 0x01-0x09 with Berlin's modexp and Istanbul's bn254 and blake2f prices, and 0x0a from EIP-4844. */
  public static Map<Address, Precompile> cancun() {
    Map<Address, Precompile> precompiles = new LinkedHashMap<>();
    populateCancun(precompiles);
    return Collections.unmodifiableMap(precompiles);
  }

  private static void populateCancun(Map<Address, Precompile> precompiles) {
    precompiles.put(address(0x01), new EcRecoverPrecompile());
    precompiles.put(address(0x02), new Sha256Precompile());
    precompiles.put(address(0x03), new Ripemd160Precompile());
    precompiles.put(address(0x04), new IdentityPrecompile());
    precompiles.put(address(0x05), new ModExpPrecompile());
    precompiles.put(address(0x06), new Bn254AddPrecompile());
    precompiles.put(address(0x07), new Bn254MulPrecompile());
    precompiles.put(address(0x08), new Bn254PairingPrecompile());
    precompiles.put(address(0x09), new Blake2fPrecompile());
    precompiles.put(address(0x0a), new PointEvaluationPrecompile());
  }

  /** The address whose 20 bytes are zero but for {@code number} in the last. */
  public static Address address(int number) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 1] = (byte) number;
    return Address.wrap(bytes);
  }
}
