package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** ADDRESS (0x30): The executing account. */
public final class AddressOperation extends AbstractFixedCostOperation {
  public AddressOperation(BerlinGasCalculator gasCalculator) {
    super(0x30, "ADDRESS", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushAddress(frame.recipient());
    return null;
  }
}
