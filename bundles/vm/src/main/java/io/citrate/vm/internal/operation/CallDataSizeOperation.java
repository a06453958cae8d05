package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLDATASIZE (0x36): Length of the call data. */
public final class CallDataSizeOperation extends AbstractFixedCostOperation {
  public CallDataSizeOperation(BerlinGasCalculator gasCalculator) {
    super(0x36, "CALLDATASIZE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.input().length);
    return null;
  }
}
