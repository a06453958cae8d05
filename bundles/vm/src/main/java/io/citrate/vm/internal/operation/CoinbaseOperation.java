package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** COINBASE (0x41): The block's beneficiary. */
public final class CoinbaseOperation extends AbstractFixedCostOperation {
  public CoinbaseOperation(BerlinGasCalculator gasCalculator) {
    super(0x41, "COINBASE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushAddress(frame.transaction().block().coinbase());
    return null;
  }
}
