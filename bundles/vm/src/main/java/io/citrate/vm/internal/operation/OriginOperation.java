package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** ORIGIN (0x32): The transaction's sender. */
public final class OriginOperation extends AbstractFixedCostOperation {
  public OriginOperation(BerlinGasCalculator gasCalculator) {
    super(0x32, "ORIGIN", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushAddress(frame.transaction().origin());
    return null;
  }
}
