package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** POP (0x50): Drops the top item. */
public final class PopOperation extends AbstractFixedCostOperation {
  public PopOperation(BerlinGasCalculator gasCalculator) {
    super(0x50, "POP", 1, 0, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pop(1);
    return null;
  }
}
