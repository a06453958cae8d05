package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** BASEFEE (0x48): The block's base fee (EIP-3198). */
public final class BaseFeeOperation extends AbstractFixedCostOperation {
  public BaseFeeOperation(BerlinGasCalculator gasCalculator) {
    super(0x48, "BASEFEE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(frame.transaction().block().baseFee());
    return null;
  }
}
