package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** RETURNDATASIZE (0x3d): Length of the last call's output (EIP-211). */
public final class ReturnDataSizeOperation extends AbstractFixedCostOperation {
  public ReturnDataSizeOperation(BerlinGasCalculator gasCalculator) {
    super(0x3d, "RETURNDATASIZE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.returnData().length);
    return null;
  }
}
