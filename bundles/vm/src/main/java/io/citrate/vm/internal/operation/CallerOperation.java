package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLER (0x33): The account that called this frame. */
public final class CallerOperation extends AbstractFixedCostOperation {
  public CallerOperation(BerlinGasCalculator gasCalculator) {
    super(0x33, "CALLER", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushAddress(frame.sender());
    return null;
  }
}
