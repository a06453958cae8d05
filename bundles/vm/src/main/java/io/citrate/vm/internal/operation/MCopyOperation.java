package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** MCOPY (0x5e): Copies within memory, overlapping ranges allowed (EIP-5656). */
public final class MCopyOperation extends AbstractCopyOperation {
  public MCopyOperation(BerlinGasCalculator gasCalculator) {
    super(0x5e, "MCOPY", 3, gasCalculator);
  }

  @Override
  protected long expansionCost(Memory memory, long destination, long source, long length) {
    return gasCalculator.memoryExpansionCost(memory, source, length, destination, length);
  }

  @Override
  protected ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length) {
    memory.copyWithin(destination, source, length);
    return null;
  }
}
