package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** STOP (0x00): Ends the frame successfully with no output. */
public final class StopOperation extends AbstractFixedCostOperation {
  public StopOperation(BerlinGasCalculator gasCalculator) {
    super(0x00, "STOP", 0, 0, BerlinGasCalculator.ZERO_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.setState(MessageFrame.State.CODE_SUCCESS);
    return null;
  }
}
