package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLVALUE (0x34): Wei sent with this call. */
public final class CallValueOperation extends AbstractFixedCostOperation {
  public CallValueOperation(BerlinGasCalculator gasCalculator) {
    super(0x34, "CALLVALUE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(frame.value());
    return null;
  }
}
