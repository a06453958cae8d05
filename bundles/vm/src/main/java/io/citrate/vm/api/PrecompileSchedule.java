package io.citrate.vm.api;

import io.citrate.core.api.Address;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which precompile implementation runs at which address for a block, as governance decided it. Implemented by the
 * bundle that keeps the activation schedule; the VM asks it once per block.
 */
@ConsumerType
public interface PrecompileSchedule {
  /**
   * The implementation id (the {@link Precompile#IMPLEMENTATION} property) active at each scheduled address for
   * block {@code blockNumber}. Addresses it leaves out run the standard precompile there, if any.
   */
  Map<Address, String> activeAt(long blockNumber);
}
