package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** NUMBER (0x43): The block's number. */
public final class NumberOperation extends AbstractFixedCostOperation {
  public NumberOperation(BerlinGasCalculator gasCalculator) {
    super(0x43, "NUMBER", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.transaction().block().number());
    return null;
  }
}
