package io.citrate.vm.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where precompile activations come from: the chain's decisions, which governance makes and registers as
 * this service. The schedule itself changes at heights (a proposal executed in block E may add an activation
 * for a height from E on), so it is always read as of a block.
 */
@ProviderType
public interface PrecompileSchedule {
  /**
   * The activations the chain had decided when block {@code blockNumber} executes, those whose height is still
   * ahead included. The same block number gives the same list on every node; a number beyond the chain's
   * newest block gives the schedule as it stands. Holds at most one activation per address and height.
   */
  List<PrecompileActivation> activationsAt(long blockNumber);
}
