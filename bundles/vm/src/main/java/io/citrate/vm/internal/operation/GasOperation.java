package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** GAS (0x5a): Gas left after paying for this instruction. */
public final class GasOperation extends AbstractFixedCostOperation {
  public GasOperation(BerlinGasCalculator gasCalculator) {
    super(0x5a, "GAS", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.gasRemaining());
    return null;
  }
}
