package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** EXTCODECOPY (0x3c): Copies an account's code to memory, zero-padded; cold access costs more (EIP-2929). */
public final class ExtCodeCopyOperation extends AbstractCopyOperation {
  public ExtCodeCopyOperation(BerlinGasCalculator gasCalculator) {
    super(0x3c, "EXTCODECOPY", 4, gasCalculator);
  }

  @Override
  protected long baseCost(MessageFrame frame) {
    return gasCalculator.accountAccessCost(frame.worldState().warmUp(frame.stack().address(0)));
  }

  @Override
  protected ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length) {
    memory.write(destination, frame.worldState().code(frame.stack().address(0)).bytes(), source, length);
    return null;
  }
}
