package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** MSIZE (0x59): The active memory size in bytes, a multiple of 32. */
public final class MSizeOperation extends AbstractFixedCostOperation {
  public MSizeOperation(BerlinGasCalculator gasCalculator) {
    super(0x59, "MSIZE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.memory().activeBytes());
    return null;
  }
}
