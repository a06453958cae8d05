package io.citrate.vm.api;

import io.citrate.core.api.Address;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The precompiles a block runs: Ethereum's own plus those the {@link PrecompileSchedule} has activated by then,
 * each taken from the {@link Precompile} services registered with the activation's address and implementation
 * id. Registration order never matters, and a registration no activation names never runs.
 */
@ProviderType
public interface PrecompileRegistry {
  /**
   * The precompiles of block {@code blockNumber} by address, in address order: Ethereum's 0x01 to 0x0a, and at
   * each scheduled address the implementation of its latest activation at or below the block. Scheduled
   * precompiles throw no exceptions: one thrown by their code is a {@link PrecompileResult#halt halt} naming the
   * exception's class.
   *
   * @throws PrecompileUnavailableException when an activation in force has no registered implementation, or
   *     several; the block must then not execute on this node
   */
  Map<Address, Precompile> precompilesAt(long blockNumber) throws PrecompileUnavailableException;

  /** The schedule as of block {@code blockNumber}, future activations included, by address then height. */
  List<PrecompileActivation> scheduleAt(long blockNumber);

  /** How many services are registered with the activation's address and implementation id; one may run. */
  int registrations(PrecompileActivation activation);
}
