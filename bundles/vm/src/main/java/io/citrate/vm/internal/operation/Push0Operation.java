package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** PUSH0 (0x5f): Pushes 0 (EIP-3855). */
public final class Push0Operation extends AbstractFixedCostOperation {
  public Push0Operation(BerlinGasCalculator gasCalculator) {
    super(0x5f, "PUSH0", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushZero();
    return null;
  }
}
