package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.internal.evm.EvmSpecVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ethereum's standard precompiles per fork, each fork assembled here from the one before it so that a fork's
 * full set can be read in one place. The maps iterate in address order.
 */
public final class MainnetPrecompiles {
  private MainnetPrecompiles() {}

  /** The standard precompiles of {@code fork}. */
  public static Map<Address, Precompile> forFork(EvmSpecVersion fork) {
    Map<Address, Precompile> precompiles = new LinkedHashMap<>();
    switch (fork) {
      case BERLIN, LONDON, PARIS, SHANGHAI -> populateForBerlin(precompiles);
      case CANCUN -> populateForCancun(precompiles);
    }
    return Collections.unmodifiableMap(precompiles);
  }

  /** Berlin to Shanghai: 0x01-0x09 with EIP-2565's modexp and Istanbul's bn254 and blake2f prices. */
  public static Map<Address, Precompile> berlin() {
    return forFork(EvmSpecVersion.BERLIN);
  }

  /** Cancun: Berlin's, and 0x0a from EIP-4844. */
  public static Map<Address, Precompile> cancun() {
    return forFork(EvmSpecVersion.CANCUN);
  }

  private static void populateForBerlin(Map<Address, Precompile> precompiles) {
    precompiles.put(address(0x01), new EcRecoverPrecompile());
    precompiles.put(address(0x02), new Sha256Precompile());
    precompiles.put(address(0x03), new Ripemd160Precompile());
    precompiles.put(address(0x04), new IdentityPrecompile());
    precompiles.put(address(0x05), new ModExpPrecompile());
    precompiles.put(address(0x06), new Bn254AddPrecompile());
    precompiles.put(address(0x07), new Bn254MulPrecompile());
    precompiles.put(address(0x08), new Bn254PairingPrecompile());
    precompiles.put(address(0x09), new Blake2fPrecompile());
  }

  private static void populateForCancun(Map<Address, Precompile> precompiles) {
    populateForBerlin(precompiles);
    precompiles.put(address(0x0a), new PointEvaluationPrecompile());
  }

  /** The address whose 20 bytes are zero but for {@code number} in the last. */
  public static Address address(int number) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 1] = (byte) number;
    return Address.wrap(bytes);
  }
}
