package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CHAINID (0x46): The chain id (EIP-1344). */
public final class ChainIdOperation extends AbstractFixedCostOperation {
  public ChainIdOperation(BerlinGasCalculator gasCalculator) {
    super(0x46, "CHAINID", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushLong(frame.transaction().block().chainId());
    return null;
  }
}
