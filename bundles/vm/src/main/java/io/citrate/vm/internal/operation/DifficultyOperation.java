package io.citrate.vm.internal.operation;

import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** DIFFICULTY (0x44): The block's proof-of-work difficulty; PREVRANDAO replaces it from Paris on (EIP-4399). */
public final class DifficultyOperation extends AbstractFixedCostOperation {
  public DifficultyOperation(BerlinGasCalculator gasCalculator) {
    super(0x44, "DIFFICULTY", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(Wei.of(frame.transaction().block().difficulty()));
    return null;
  }
}
