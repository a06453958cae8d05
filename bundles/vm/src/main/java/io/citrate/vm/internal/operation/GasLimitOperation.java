package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** GASLIMIT (0x45): The block's gas limit. */
public final class GasLimitOperation extends AbstractFixedCostOperation {
  public GasLimitOperation(BerlinGasCalculator gasCalculator) {
    super(0x45, "GASLIMIT", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.transaction().block().gasLimit());
    return null;
  }
}
