package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLDATACOPY (0x37): Copies call data to memory, zero-padded. */
public final class CallDataCopyOperation extends AbstractCopyOperation {
  public CallDataCopyOperation(BerlinGasCalculator gasCalculator) {
    super(0x37, "CALLDATACOPY", 3, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length) {
    memory.write(destination, frame.input(), source, length);
    return null;
  }
}
