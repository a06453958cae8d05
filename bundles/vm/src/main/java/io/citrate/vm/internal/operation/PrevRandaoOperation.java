package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** PREVRANDAO (0x44): The beacon chain's randomness (EIP-4399), where DIFFICULTY was. */
public final class PrevRandaoOperation extends AbstractFixedCostOperation {
  public PrevRandaoOperation(BerlinGasCalculator gasCalculator) {
    super(0x44, "PREVRANDAO", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushHash(frame.transaction().block().prevRandao());
    return null;
  }
}
