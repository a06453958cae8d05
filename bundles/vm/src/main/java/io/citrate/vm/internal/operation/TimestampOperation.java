package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** TIMESTAMP (0x42): The block's timestamp. */
public final class TimestampOperation extends AbstractFixedCostOperation {
  public TimestampOperation(BerlinGasCalculator gasCalculator) {
    super(0x42, "TIMESTAMP", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.transaction().block().timestamp());
    return null;
  }
}
