package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** GASPRICE (0x3a): The effective gas price of the transaction. */
public final class GasPriceOperation extends AbstractFixedCostOperation {
  public GasPriceOperation(BerlinGasCalculator gasCalculator) {
    super(0x3a, "GASPRICE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(frame.transaction().gasPrice());
    return null;
  }
}
