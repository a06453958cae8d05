package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.internal.precompile.Blake2fPrecompile;
import io.citrate.vm.internal.precompile.EcRecoverPrecompile;
import io.citrate.vm.internal.precompile.IdentityPrecompile;
import io.citrate.vm.internal.precompile.ModExpPrecompile;
import io.citrate.vm.internal.precompile.PointEvaluationPrecompile;
import io.citrate.vm.internal.precompile.Ripemd160Precompile;
import io.citrate.vm.internal.precompile.Sha256Precompile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cancun precompiles written so far, at their addresses. The alt_bn128 ones (0x06-0x08) are not yet, so
 * conformance cases that call them fail; MainnetPrecompiles replaces this once it assembles all ten.
 */
final class AvailablePrecompiles {
  private AvailablePrecompiles() {}

  static Map<Address, Precompile> cancun() {
    Map<Address, Precompile> precompiles = new LinkedHashMap<>();
    precompiles.put(address(1), new EcRecoverPrecompile());
    precompiles.put(address(2), new Sha256Precompile());
    precompiles.put(address(3), new Ripemd160Precompile());
    precompiles.put(address(4), new IdentityPrecompile());
    precompiles.put(address(5), new ModExpPrecompile());
    precompiles.put(address(9), new Blake2fPrecompile());
    precompiles.put(address(10), new PointEvaluationPrecompile());
    return precompiles;
  }

  private static Address address(int number) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 1] = (byte) number;
    return Address.wrap(bytes);
  }
}
