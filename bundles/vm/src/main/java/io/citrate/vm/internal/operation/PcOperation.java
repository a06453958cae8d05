package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** PC (0x58): The position of this instruction. */
public final class PcOperation extends AbstractFixedCostOperation {
  public PcOperation(BerlinGasCalculator gasCalculator) {
    super(0x58, "PC", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.pc());
    return null;
  }
}
