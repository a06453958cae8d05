package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SELFBALANCE (0x47): The executing account's balance without an access charge (EIP-1884). */
public final class SelfBalanceOperation extends AbstractFixedCostOperation {
  public SelfBalanceOperation(BerlinGasCalculator gasCalculator) {
    super(0x47, "SELFBALANCE", 0, 1, BerlinGasCalculator.LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(frame.worldState().balance(frame.recipient()));
    return null;
  }
}
