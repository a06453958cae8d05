package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CODESIZE (0x38): Length of the running code. */
public final class CodeSizeOperation extends AbstractFixedCostOperation {
  public CodeSizeOperation(BerlinGasCalculator gasCalculator) {
    super(0x38, "CODESIZE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.code().size());
    return null;
  }
}
